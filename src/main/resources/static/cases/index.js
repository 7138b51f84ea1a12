import { api, formatInstant, h, showCurrentUser } from './common.js';

const PAGE_SIZE = 20;
const filters = document.getElementById('filters');
const rows = document.getElementById('rows');
const problem = document.getElementById('problem');
let page = 0;

function showProblem(error) {
  problem.replaceChildren(h('h2', {}, error.title), h('p', {}, error.message));
  problem.hidden = false;
}

function stageBadge(row) {
  return h('span', { class: `stage ${row.stage}` }, row.stageLabel || row.stage);
}

async function load() {
  const query = new URLSearchParams({ page: String(page), size: String(PAGE_SIZE), sort: 'updatedAt,desc' });
  for (const [name, value] of new FormData(filters)) {
    if (String(value).trim()) {
      query.set(name, String(value).trim());
    }
  }
  try {
    const result = await api(`/api/applications?${query}`);
    problem.hidden = true;
    if (result.content.length === 0) {
      rows.replaceChildren(h('tr', {}, h('td', { colspan: 6, class: 'muted' }, '没有符合条件的案件。')));
    } else {
      rows.replaceChildren(...result.content.map((row) => h('tr', {},
        h('td', {}, h('a', { href: `edit.html?id=${encodeURIComponent(row.id)}` }, row.caseNumber)),
        h('td', {}, row.enterpriseName, h('div', { class: 'muted' }, row.uscc)),
        h('td', {}, row.title || h('span', { class: 'muted' }, '（未填写）')),
        h('td', {}, row.unitName),
        h('td', {}, stageBadge(row)),
        h('td', {}, formatInstant(row.updatedAt)))));
    }
    document.getElementById('count').textContent = `共 ${result.totalElements} 件，第 ${result.page + 1} / ${Math.max(result.totalPages, 1)} 页`;
    document.getElementById('previous').disabled = result.page === 0;
    document.getElementById('next').disabled = result.page + 1 >= result.totalPages;
  } catch (error) {
    rows.replaceChildren(h('tr', {}, h('td', { colspan: 6, class: 'muted' }, '无法加载案件列表。')));
    showProblem(error);
  }
}

filters.addEventListener('submit', (event) => {
  event.preventDefault();
  page = 0;
  load();
});
document.getElementById('previous').addEventListener('click', () => {
  page -= 1;
  load();
});
document.getElementById('next').addEventListener('click', () => {
  page += 1;
  load();
});

async function start() {
  try {
    const me = await showCurrentUser(document.getElementById('who'));
    document.getElementById('new-case').hidden = !me.roles.some((role) => role === 'APPLICANT' || role === 'UNIT_STAFF');
    const campaigns = await api('/api/campaigns');
    document.getElementById('campaign').append(...campaigns.map((c) => h('option', { value: c.code }, c.name)));
  } catch (error) {
    document.getElementById('who').textContent = '未登录';
    rows.replaceChildren(h('tr', {}, h('td', { colspan: 6, class: 'muted' }, '登录后显示您的案件。')));
    showProblem(error);
    return;
  }
  load();
}

start();
