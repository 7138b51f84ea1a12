// The demo mailbox (office and administrators): every mail the system sent to the SMTP sink of the demo.
import { api, formatInstant, h, showCurrentUser } from '../cases/common.js';

const problemBox = document.getElementById('problem');
const body = document.getElementById('mails');
const filter = document.getElementById('filter');

function showProblem(error) {
  problemBox.hidden = false;
  problemBox.replaceChildren(h('strong', {}, error.title || '出错了'), h('p', {}, error.message));
}

async function load() {
  const box = await api('/api/demo-mailbox?limit=500');
  const wanted = filter.value.trim().toLowerCase();
  const mails = box.mails.filter((mail) => !wanted || mail.to.some((to) => to.toLowerCase().includes(wanted)));
  document.getElementById('count').textContent = `（共 ${box.total} 封，显示 ${mails.length} 封；SMTP 端口 ${box.port}）`;
  if (mails.length === 0) {
    body.replaceChildren(h('tr', {}, h('td', { colspan: 4, class: 'muted' }, '还没有邮件')));
    return;
  }
  body.replaceChildren(...mails.map((mail) => h('tr', {},
    h('td', {}, mail.sentAt ? formatInstant(mail.sentAt) : ''),
    h('td', {}, mail.to.join('、')),
    h('td', {}, mail.subject || ''),
    h('td', {}, h('pre', { style: 'white-space: pre-wrap; font: inherit; margin: 0' }, mail.body || '')))));
}

async function start() {
  try {
    await showCurrentUser(document.getElementById('who'));
    filter.addEventListener('input', () => load().catch(showProblem));
    document.getElementById('reload').addEventListener('click', () => load().catch(showProblem));
    await load();
  } catch (error) {
    showProblem(error);
  }
}

start();
