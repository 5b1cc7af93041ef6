import { PAGE_SCRIPT } from './page-script.js';
import { PAGE_STYLE } from './page-style.js';

/** What the page shows besides the channel. */
export interface PageOptions {
  /** Buttons that move the bot's clock forward, to see daily posts and reveals. */
  devControls: boolean;
}

/** The playground page: one channel, a composer with completion, and optional clock controls. */
export function pageHtml(options: PageOptions): string {
  const dev = options.devControls
    ? `<span class="dev" aria-label="Move the bot's clock forward">
        <button type="button" data-advance="1">+1 min</button>
        <button type="button" data-advance="60">+1 h</button>
        <button type="button" data-advance="1440">+1 day</button></span>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>mlsys-bot playground</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header>
  <h1>mlsys-bot · #general</h1>
  <label>Your name <input id="name" autocomplete="nickname" maxlength="40"></label>
  <span id="clock" aria-live="off"></span>
  ${dev}
</header>
<main>
  <ol id="messages" aria-live="polite" aria-label="Channel messages"></ol>
</main>
<form id="composer" autocomplete="off">
  <label for="line" class="visually-hidden" hidden>Message or command</label>
  <input id="line" list="completions" placeholder="Type /help, /kvcache llama-70b 128k, /quiz start …" aria-label="Message or command">
  <datalist id="completions"></datalist>
  <button type="submit">Send</button>
</form>
<dialog id="prompt">
  <form method="dialog">
    <strong id="prompt-title"></strong>
    <label><span id="prompt-label"></span> <input id="prompt-input" inputmode="decimal"></label>
    <menu><button value="cancel">Cancel</button> <button value="ok">Submit</button></menu>
  </form>
</dialog>
<script>${PAGE_SCRIPT}</script>
</body>
</html>`;
}
