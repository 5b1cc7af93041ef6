/** The subset of Discord's message JSON this app sends (Discord API v10 Message, Embed, Components). */
export interface DiscordEmbed {
  title?: string;
  description?: string;
  color?: number;
  fields?: { name: string; value: string; inline?: boolean }[];
  image?: { url: string };
  footer?: { text: string };
}

/** A button component (type 2): styles 1 primary, 2 secondary, 4 danger. */
export interface DiscordButton {
  type: 2;
  style: 1 | 2 | 4;
  label: string;
  custom_id: string;
}

/** An action row (type 1) of up to five buttons. */
export interface DiscordActionRow {
  type: 1;
  components: DiscordButton[];
}

/** A message body for `POST /channels/{id}/messages` or an interaction response's `data`. */
export interface DiscordMessage {
  content?: string;
  embeds: DiscordEmbed[];
  components: DiscordActionRow[];
  flags?: number;
}
