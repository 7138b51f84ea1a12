// Deadline changes of a running campaign: its schedule as configured and as it stands, a change, the history.
import { api, formatInstant, h, showCurrentUser } from '../cases/common.js';

const KEYS = [
  ['applicationCloses', '申报截止日期'],
  ['countyScreeningDue', '县级初审截止日期'],
  ['recommendationDue', '推荐名单报送截止日期'],
  ['onlineSubmissionDue', '网上申报截止日期'],
];
const campaignSelect = document.getElementById('campaign');
const problemBox = document.getElementById('problem');
const result = document.getElementById('result');

function showProblem(error) {
  problemBox.hidden = false;
  problemBox.replaceChildren(h('strong', {}, error.title || '出错了'), h('p', {}, error.message),
    ...(error.errors || []).map((e) => h('p', {}, e.message)));
}

async function load() {
  const view = await api(`/api/campaigns/${encodeURIComponent(campaignSelect.value)}/deadline-changes`);
  // Only the deadlines this campaign has can be moved.
  const present = KEYS.filter(([key]) => view.effective[key]);
  document.getElementById('schedule').replaceChildren(...present.map(([key, label]) => h('tr', {},
    h('td', {}, label), h('td', {}, view.configured[key] || '—'),
    h('td', {}, view.effective[key] === view.configured[key] ? view.effective[key] : h('strong', {}, view.effective[key])))));
  document.getElementById('key').replaceChildren(...present.map(([key, label]) => h('option', { value: key }, label)));
  document.getElementById('changes').replaceChildren(...(view.changes.length === 0
    ? [h('tr', {}, h('td', { colspan: 6, class: 'muted' }, '尚未调整过截止日期'))]
    : view.changes.map((c) => h('tr', {}, h('td', {}, formatInstant(c.changedAt)), h('td', {}, c.label),
      h('td', {}, c.oldDate), h('td', {}, c.newDate), h('td', {}, c.changedBy), h('td', {}, c.reason)))));
}

document.getElementById('change').addEventListener('submit', async (event) => {
  event.preventDefault();
  problemBox.hidden = true;
  result.replaceChildren();
  try {
    const change = await api(`/api/campaigns/${encodeURIComponent(campaignSelect.value)}/deadline-changes`, {
      method: 'POST',
      body: {
        key: document.getElementById('key').value,
        newDate: document.getElementById('newDate').value || null,
        reason: document.getElementById('reason').value,
      },
    });
    result.replaceChildren(h('p', { class: 'ok' }, `已将${change.label}由 ${change.oldDate} 调整为 ${change.newDate}。`));
    document.getElementById('reason').value = '';
    await load();
  } catch (error) {
    showProblem(error);
  }
});

campaignSelect.addEventListener('change', () => load().catch(showProblem));

showCurrentUser(document.getElementById('who'))
  .then(() => api('/api/campaigns'))
  .then((campaigns) => {
    campaignSelect.replaceChildren(...campaigns.map((c) => h('option', { value: c.code }, `${c.name}（${c.code}）`)));
    return load();
  })
  .catch(showProblem);
