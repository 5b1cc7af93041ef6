/** The subset of Block Kit JSON this app sends (see docs.slack.dev, "Block Kit" reference). */
export type TextObject =
  | { type: 'plain_text'; text: string; emoji?: boolean }
  | { type: 'mrkdwn'; text: string };

/** A Block Kit button element. */
export interface SlackButton {
  type: 'button';
  action_id: string;
  text: { type: 'plain_text'; text: string; emoji?: boolean };
  value: string;
  style?: 'primary' | 'danger';
}

/** Where an image block's picture comes from: an uploaded file or a public URL. */
export type SlackImageSource = { slack_file: { id: string } } | { image_url: string };

/** The Block Kit blocks this app sends. */
export type SlackBlock =
  | { type: 'header'; text: { type: 'plain_text'; text: string; emoji?: boolean } }
  | { type: 'section'; text: TextObject }
  | { type: 'section'; fields: TextObject[] }
  | { type: 'context'; elements: TextObject[] }
  | { type: 'divider' }
  | ({ type: 'image'; alt_text: string; title?: { type: 'plain_text'; text: string } } & SlackImageSource)
  | { type: 'actions'; elements: SlackButton[] };

/** A message as `chat.postMessage` and `response_url` take it. */
export interface SlackMessage {
  /** Notification and accessibility text. */
  text: string;
  blocks: SlackBlock[];
}
