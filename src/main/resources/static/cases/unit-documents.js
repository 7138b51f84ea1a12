import { api, formatBytes, formatInstant, h, showCurrentUser, uploadForm } from './common.js';
import { downloadFile } from '../exports/download.js';

const params = new URLSearchParams(window.location.search);
const campaignSelect = document.getElementById('campaign');
const unitSelect = document.getElementById('unit');
const kinds = document.getElementById('kinds');
const problem = document.getElementById('problem');
const stateLine = document.getElementById('state');
const status = document.getElementById('status');
let me = null;
let view = null;

function showProblem(error) {
  const items = (error.errors ?? []).map((e) => h('li', {}, e.message));
  problem.replaceChildren(h('h2', {}, error.title), h('p', {}, error.message), items.length ? h('ul', {}, items) : null);
  problem.hidden = false;
}

function documentsPath() {
  return `/api/campaigns/${encodeURIComponent(campaignSelect.value)}/units/${encodeURIComponent(unitSelect.value)}/documents`;
}

/** The units the user may look at: all of the campaign's for the office, otherwise the user's own unit groups. */
async function fillUnits() {
  const campaign = await api(`/api/campaigns/${encodeURIComponent(campaignSelect.value)}`);
  const own = new Set(me.groups.filter((g) => g.startsWith('unit-')).map((g) => g.slice('unit-'.length)));
  const seesAll = me.roles.some((role) => ['ADMIN', 'OFFICE', 'MANAGER'].includes(role));
  const units = campaign.units.filter((unit) => seesAll || own.has(unit.code));
  unitSelect.replaceChildren(...units.map((unit) => h('option', { value: unit.code }, unit.name)));
  const wanted = params.get('unit');
  if (wanted && units.some((unit) => unit.code === wanted)) {
    unitSelect.value = wanted;
  }
  if (units.length === 0) {
    kinds.replaceChildren(h('p', { class: 'muted' }, '您不是本活动推荐单位的工作人员。'));
    return false;
  }
  return true;
}

/** The summary table generated in the campaign's template (推荐汇总表), where the notice has one. */
async function offerSummaryTable() {
  const offer = document.getElementById('summary-table');
  offer.hidden = true;
  const files = await api(`/api/campaigns/${encodeURIComponent(campaignSelect.value)}/exports`).catch(() => []);
  const table = files.find((file) => file.kind === 'summary-table' && file.unit === unitSelect.value);
  if (table) {
    const note = h('span', { class: 'muted', role: 'status' }, '按活动模板和本单位拟推荐（已报送时为推荐名单）的案件生成，盖章后在下面上传。');
    offer.replaceChildren(h('button', { type: 'button', onclick: () => downloadFile(table.href, note, table.label) },
      `下载系统生成的${table.label}（Excel）`), ' ', note);
    offer.hidden = false;
  }
}

async function load() {
  problem.hidden = true;
  offerSummaryTable();
  try {
    view = await api(documentsPath());
    render();
  } catch (error) {
    kinds.replaceChildren(h('p', { class: 'muted' }, '无法加载推荐单位材料。'));
    showProblem(error);
  }
}

function render() {
  if (view.kinds.length === 0) {
    stateLine.hidden = true;
    kinds.replaceChildren(h('p', { class: 'muted' }, '本活动不要求本单位随推荐名单上传材料。'));
    return;
  }
  const notes = [];
  if (view.listSubmitted) {
    notes.push(`${view.unitName}已报送推荐名单，以下材料随名单报送，不能再更改。`);
  } else if (view.missing.length) {
    notes.push(`尚缺必交材料：${view.missing.join('、')}。上传齐全后才能报送推荐名单。`);
  } else {
    notes.push('必交材料已齐全，可以在 Tasklist 中提交推荐名单。');
  }
  if (!view.editable && !view.listSubmitted) {
    notes.push('您可以查看和下载，不能上传或删除（只有本单位工作人员在推荐截止前可以）。');
  }
  stateLine.textContent = notes.join(' ');
  stateLine.hidden = false;
  kinds.replaceChildren(...view.kinds.map((kind) => {
    const block = h('div', { class: 'attachment-kind' },
      h('h3', { class: kind.required ? 'required' : null }, kind.label),
      h('p', { class: 'hint' }, [`格式：${kind.extensions.join('、')}`, `单个文件不超过 ${formatBytes(kind.maxFileSizeBytes)}`,
        kind.multiple ? '可上传多个文件' : '只能上传一个文件'].join('；')),
      kind.files.length
        ? h('ul', { class: 'files' }, kind.files.map((file) => h('li', {},
          h('a', { href: `${documentsPath()}/${file.id}` }, file.name),
          h('span', { class: 'size' }, `${formatBytes(file.size)} · ${formatInstant(file.uploadedAt)} · ${file.uploadedBy}`),
          view.editable ? h('button', { type: 'button', class: 'link', onclick: () => remove(file) }, '删除') : null)))
        : h('p', { class: 'muted' }, '尚未上传'));
    if (view.editable && (kind.multiple || kind.files.length === 0)) {
      const input = h('input', { type: 'file', accept: kind.extensions.map((e) => `.${e}`).join(','),
        'aria-label': `选择“${kind.label}”文件` });
      const progress = h('progress', { max: 1, value: 0, hidden: true, 'aria-label': '上传进度' });
      block.append(h('div', { class: 'upload' }, input,
        h('button', { type: 'button', onclick: () => upload(kind, input, progress, block) }, '上传'), progress));
    }
    return block;
  }));
}

/** Checks extension and size before sending, so a wrong file costs no upload time; the server checks again. */
function localRefusal(kind, file) {
  const extension = file.name.includes('.') ? file.name.split('.').pop().toLowerCase() : '';
  if (!kind.extensions.includes(extension)) {
    return `“${kind.label}”只接受${kind.extensions.join('、')}格式的文件，“${file.name}”不符合`;
  }
  if (file.size === 0) {
    return `文件“${file.name}”是空文件`;
  }
  if (file.size > kind.maxFileSizeBytes) {
    return `单个“${kind.label}”文件不能超过 ${formatBytes(kind.maxFileSizeBytes)}，“${file.name}”为 ${formatBytes(file.size)}`;
  }
  return null;
}

function placeMessage(block, message) {
  block.querySelectorAll('.field-error').forEach((e) => e.remove());
  block.append(h('p', { class: 'field-error' }, message));
}

async function upload(kind, input, progress, block) {
  const file = input.files[0];
  if (!file) {
    placeMessage(block, '请先选择文件');
    return;
  }
  const refusal = localRefusal(kind, file);
  if (refusal) {
    placeMessage(block, refusal);
    return;
  }
  const data = new FormData();
  data.append('kind', kind.code);
  data.append('file', file);
  block.querySelectorAll('button, input').forEach((control) => { control.disabled = true; });
  progress.hidden = false;
  status.textContent = `正在上传 ${file.name}…`;
  try {
    await uploadForm(documentsPath(), data, (share) => { progress.value = share; });
    status.textContent = `已上传 ${file.name}`;
    await load();
  } catch (error) {
    status.textContent = '上传未成功';
    block.querySelectorAll('button, input').forEach((control) => { control.disabled = false; });
    progress.hidden = true;
    placeMessage(block, error.errors?.length ? error.errors.map((e) => e.message).join('；') : error.message);
  }
}

async function remove(file) {
  if (!window.confirm(`删除“${file.name}”？`)) {
    return;
  }
  try {
    await api(`${documentsPath()}/${file.id}`, { method: 'DELETE' });
    status.textContent = `已删除 ${file.name}`;
    await load();
  } catch (error) {
    showProblem(error);
  }
}

function remember() {
  const query = new URLSearchParams({ campaign: campaignSelect.value, unit: unitSelect.value });
  window.history.replaceState(null, '', `?${query}`);
}

campaignSelect.addEventListener('change', async () => {
  if (await fillUnits()) {
    remember();
    load();
  }
});
unitSelect.addEventListener('change', () => {
  remember();
  load();
});

async function start() {
  try {
    me = await showCurrentUser(document.getElementById('who'));
    const campaigns = await api('/api/campaigns');
    campaignSelect.replaceChildren(...campaigns.map((c) => h('option', { value: c.code }, c.name)));
    const wanted = params.get('campaign');
    if (wanted && campaigns.some((c) => c.code === wanted)) {
      campaignSelect.value = wanted;
    }
    if (await fillUnits()) {
      load();
    }
  } catch (error) {
    document.getElementById('who').textContent = '未登录';
    kinds.replaceChildren(h('p', { class: 'muted' }, '登录后显示推荐单位材料。'));
    showProblem(error);
  }
}

start();
