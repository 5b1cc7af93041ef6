/**
 * The playground page's script: identity per tab, sending lines and button presses, live messages
 * over server-sent events, completion through a datalist, and the development clock.
 */
export const PAGE_SCRIPT = `
const $ = (s) => document.querySelector(s);
const store = window.sessionStorage;
if (!store.getItem('uid')) store.setItem('uid', 'pg-' + Math.random().toString(36).slice(2, 10));
const nameInput = $('#name');
nameInput.value = store.getItem('name') || 'guest-' + store.getItem('uid').slice(3, 7);
nameInput.addEventListener('change', () => store.setItem('name', nameInput.value.trim() || 'guest'));
const me = () => ({ id: store.getItem('uid'), name: nameInput.value.trim() || 'guest' });
const channel = 'general';
const list = $('#messages');

function render(message) {
  let item = document.getElementById(message.id);
  if (!item) { item = document.createElement('li'); item.id = message.id; list.appendChild(item); }
  const time = new Date(message.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  const meta = document.createElement('div');
  meta.className = 'meta';
  const who = document.createElement('strong');
  who.textContent = message.author.name;
  meta.append(who, ' · ' + time);
  item.replaceChildren(meta);
  if (message.author.bot) { const body = document.createElement('div'); body.innerHTML = message.html; item.appendChild(body); }
  else { const body = document.createElement('div'); body.textContent = message.text; item.appendChild(body); }
  item.dataset.text = message.text;
  $('main').scrollTop = $('main').scrollHeight;
}

const events = new EventSource('/api/events?channel=' + channel + '&user=' + encodeURIComponent(me().id));
events.addEventListener('message', (e) => render(JSON.parse(e.data)));
events.addEventListener('update', (e) => render(JSON.parse(e.data)));
events.addEventListener('clock', (e) => { $('#clock').textContent = 'bot time ' + new Date(JSON.parse(e.data).now).toLocaleString(); });

async function post(path, body) {
  const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) { const problem = await response.json().catch(() => ({})); alert(problem.message || 'Request failed'); }
  return response;
}

$('#composer').addEventListener('submit', async (e) => {
  e.preventDefault();
  const input = $('#line');
  const text = input.value.trim();
  if (!text) return;
  input.value = '';
  await post('/api/command', { channel, user: me(), text });
});

let completionTimer;
$('#line').addEventListener('input', (e) => {
  clearTimeout(completionTimer);
  completionTimer = setTimeout(async () => {
    const response = await fetch('/api/complete?text=' + encodeURIComponent(e.target.value));
    const { completions } = await response.json();
    $('#completions').replaceChildren(...completions.map((c) => { const o = document.createElement('option'); o.value = c; return o; }));
  }, 120);
});

list.addEventListener('click', async (e) => {
  const button = e.target.closest('button.action');
  if (!button) return;
  const base = { channel, user: me(), actionId: button.dataset.action, value: button.dataset.value };
  if (!button.classList.contains('prompt')) { await post('/api/action', base); return; }
  const dialog = $('#prompt');
  $('#prompt-title').textContent = button.dataset.title;
  $('#prompt-label').textContent = button.dataset.field;
  const field = $('#prompt-input');
  field.value = '';
  field.placeholder = button.dataset.placeholder || '';
  dialog.showModal();
  dialog.onclose = async () => { if (dialog.returnValue === 'ok' && field.value.trim()) await post('/api/action', { ...base, input: field.value.trim() }); };
});

for (const button of document.querySelectorAll('[data-advance]')) {
  button.addEventListener('click', () => post('/api/dev/advance', { minutes: Number(button.dataset.advance) }));
}
`;
