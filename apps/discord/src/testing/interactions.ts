let next = 1;

/** A guild member as interactions carry it; `permissions` is the decimal bit set in the channel. */
export function member(userId: string, permissions = '0') {
  return {
    user: {
      id: userId,
      username: `user${userId}`,
      discriminator: '0',
      global_name: `User ${userId}`,
      avatar: null,
    },
    roles: [],
    permissions,
    joined_at: '2025-01-01T00:00:00.000000+00:00',
    deaf: false,
    mute: false,
    flags: 0,
    nick: null,
  };
}

/** Fields every interaction has. */
function base(applicationId: string, type: number, userId: string, channelId: string, permissions: string) {
  const id = String(next++);
  return {
    id: `I${id}`,
    application_id: applicationId,
    type,
    token: `token-${id}`,
    version: 1,
    guild_id: 'G1',
    channel: { id: channelId, type: 0, guild_id: 'G1', name: 'general' },
    channel_id: channelId,
    member: member(userId, permissions),
    app_permissions: '0',
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: {},
    context: 0,
  };
}

/** Where and as whom an interaction happens. */
export interface Who {
  applicationId: string;
  userId: string;
  channelId: string;
  /** Decimal permission bits; `32` is Manage Server. */
  permissions?: string;
}

/** A slash command (type 2) with options as Discord resolves them. */
export function chatInput(who: Who, name: string, options: unknown[] = []) {
  return {
    ...base(who.applicationId, 2, who.userId, who.channelId, who.permissions ?? '0'),
    data: { id: `CMD-${name}`, name, type: 1, options },
  };
}

/** An autocomplete request (type 4); one option has `focused: true`. */
export function autocomplete(who: Who, name: string, options: unknown[]) {
  return {
    ...base(who.applicationId, 4, who.userId, who.channelId, who.permissions ?? '0'),
    data: { id: `CMD-${name}`, name, type: 1, options },
  };
}

/** A button press (type 3) on `message`, which carries the components. */
export function buttonPress(who: Who, customId: string, message: Record<string, unknown>) {
  return {
    ...base(who.applicationId, 3, who.userId, who.channelId, who.permissions ?? '0'),
    message,
    data: { custom_id: customId, component_type: 2 },
  };
}

/** A modal submission (type 5) with one text field. */
export function modalSubmit(who: Who, customId: string, field: string, value: string) {
  return {
    ...base(who.applicationId, 5, who.userId, who.channelId, who.permissions ?? '0'),
    data: {
      custom_id: customId,
      components: [{ type: 1, components: [{ type: 4, custom_id: field, value }] }],
    },
  };
}
