// The signed-in user's inbox, and for the office the notifications that failed to go out.
import { api, formatInstant, h, showCurrentUser } from '../cases/common.js';

const problemBox = document.getElementById('problem');
const list = document.getElementById('messages');
const unreadOnly = document.getElementById('unread-only');

function showProblem(error) {
  problemBox.hidden = false;
  problemBox.replaceChildren(h('strong', {}, error.title || '出错了'), h('p', {}, error.message));
}

async function markRead(id) {
  try {
    await api(`/api/inbox/${encodeURIComponent(id)}/read`, { method: 'POST' });
    await loadMessages();
  } catch (error) {
    showProblem(error);
  }
}

async function loadMessages() {
  const page = await api(`/api/inbox?size=100&unread=${unreadOnly.checked}`);
  document.getElementById('unread').textContent = page.unread > 0 ? `（${page.unread} 条未读）` : '（没有未读消息）';
  if (page.messages.length === 0) {
    list.replaceChildren(h('p', { class: 'muted' }, unreadOnly.checked ? '没有未读消息' : '还没有消息'));
    return;
  }
  list.replaceChildren(...page.messages.map((message) => h('article', { class: message.read ? 'card' : 'card unread' },
    h('h3', {}, message.read ? '' : '【未读】', message.subject),
    h('p', { class: 'muted' }, formatInstant(message.createdAt)),
    h('pre', { style: 'white-space: pre-wrap; font: inherit' }, message.body),
    h('div', { class: 'buttons' },
      message.link ? h('a', { href: message.link, onclick: () => { if (!message.read) { markRead(message.id); } } }, '查看案件') : null,
      message.read ? null : h('button', { type: 'button', onclick: () => markRead(message.id) }, '标为已读')))));
}

async function retry(id) {
  try {
    await api(`/api/notifications/outbox/${encodeURIComponent(id)}/retry`, { method: 'POST' });
    await loadOutbox();
  } catch (error) {
    showProblem(error);
  }
}

async function loadOutbox() {
  const rows = await api('/api/notifications/outbox?status=FAILED');
  const body = document.getElementById('outbox');
  if (rows.length === 0) {
    body.replaceChildren(h('tr', {}, h('td', { colspan: 7, class: 'muted' }, '没有发送失败的通知')));
    return;
  }
  body.replaceChildren(...rows.map((row) => h('tr', {},
    h('td', {}, row.id),
    h('td', {}, row.recipient, row.address ? `（${row.address}）` : ''),
    h('td', {}, row.channelLabel),
    h('td', {}, row.subject),
    h('td', {}, row.attempts),
    h('td', {}, row.lastError || ''),
    h('td', {}, h('button', { type: 'button', onclick: () => retry(row.id) }, '重新发送')))));
}

async function start() {
  try {
    const me = await showCurrentUser(document.getElementById('who'));
    unreadOnly.addEventListener('change', () => loadMessages().catch(showProblem));
    document.getElementById('read-all').addEventListener('click', async () => {
      try {
        await api('/api/inbox/read-all', { method: 'POST' });
        await loadMessages();
      } catch (error) {
        showProblem(error);
      }
    });
    await loadMessages();
    if (me.roles.includes('OFFICE') || me.roles.includes('ADMIN')) {
      document.getElementById('outbox-card').hidden = false;
      await loadOutbox();
    }
  } catch (error) {
    showProblem(error);
  }
}

start();
