// The import page: pick what to import, download its template, upload the filled file, follow the
// job's progress, then read its faults (or what it created) — all from /api/imports.
import { api, ApiError, h, formatInstant, showCurrentUser, uploadForm } from '../cases/common.js';

const $ = (id) => document.getElementById(id);
let choices = [];
let polling = null;

function showProblem(error) {
  const box = $('problem');
  box.replaceChildren(h('strong', {}, error.title || '请求未成功'), ' ', error.message || '');
  if (error instanceof ApiError && error.errors.length) {
    box.append(h('ul', {}, error.errors.map((e) => h('li', {}, e.message))));
  }
  box.hidden = false;
}

function clearProblem() {
  $('problem').hidden = true;
}

function selected() {
  const kind = choices.find((k) => k.kind === $('kind').value);
  const campaign = kind && kind.campaigns.find((c) => c.code === $('campaign').value);
  return { kind, campaign, unit: $('unit').value };
}

function fillCampaigns() {
  const { kind } = selected();
  const needsCampaign = kind && kind.kind !== 'EXPERTS';
  $('campaign-field').hidden = !needsCampaign;
  $('campaign').replaceChildren(...(needsCampaign ? kind.campaigns : [])
    .map((c) => h('option', { value: c.code }, `${c.name}（${c.code}）`)));
  fillUnits();
}

function fillUnits() {
  const { kind, campaign } = selected();
  const needsUnit = kind && kind.kind === 'APPLICATIONS';
  $('unit-field').hidden = !needsUnit;
  $('unit').replaceChildren(...(needsUnit && campaign ? campaign.units : [])
    .map((u) => h('option', { value: u.code }, `${u.name}（${u.code}）`)));
  updateLinks();
}

function query() {
  const { kind } = selected();
  const params = new URLSearchParams();
  if (kind && kind.kind !== 'EXPERTS') {
    params.set('campaign', $('campaign').value);
  }
  if (kind && kind.kind === 'APPLICATIONS') {
    params.set('unit', $('unit').value);
  }
  return params.toString();
}

function updateLinks() {
  const { kind } = selected();
  if (!kind) {
    return;
  }
  const path = kind.kind.toLowerCase();
  $('template').href = `/api/imports/templates/${path}?${query()}`;
  $('export').hidden = kind.kind === 'APPLICATIONS';
  $('export').href = `/api/imports/exports/${path}?${query()}`;
}

function showJob(job) {
  $('progress-box').hidden = false;
  $('phase').textContent = job.phase;
  $('counts').textContent = job.rowsTotal ? `已处理 ${job.rowsDone} / ${job.rowsTotal} 行（${job.percent}%）` : '';
  $('progress').value = job.percent;
  if (!job.finished) {
    return;
  }
  $('result').hidden = false;
  $('result-message').textContent = `${job.statusLabel}：${job.message || ''}`;
  $('result-message').className = job.status === 'SUCCEEDED' ? 'ok' : 'error';
  $('error-workbook').hidden = !job.errorWorkbook;
  if (job.errorWorkbook) {
    $('error-workbook').href = job.errorWorkbook;
  }
  $('errors').hidden = job.errors.length === 0;
  $('errors').tBodies[0].replaceChildren(...job.errors.map((e) => h('tr', {},
    h('td', {}, e.row > 0 ? e.row : '整个文件'), h('td', {}, e.column || ''), h('td', {}, e.heading || ''),
    h('td', {}, e.value || ''), h('td', {}, e.message))));
  $('items').hidden = job.items.length === 0;
  $('items').tBodies[0].replaceChildren(...job.items.map((item) => h('tr', {},
    h('td', {}, item.row), h('td', {}, item.label), h('td', {}, item.action),
    h('td', {}, item.caseId ? h('a', { href: `../cases/edit.html?id=${item.caseId}` }, item.caseNumber) : ''))));
}

async function follow(id) {
  clearTimeout(polling);
  try {
    const job = await api(`/api/imports/${id}`);
    showJob(job);
    if (!job.finished) {
      polling = setTimeout(() => follow(id), 700);
    } else {
      $('start').disabled = false;
      loadHistory();
    }
  } catch (error) {
    $('start').disabled = false;
    showProblem(error);
  }
}

async function upload(event) {
  event.preventDefault();
  clearProblem();
  const file = $('file').files[0];
  const { kind } = selected();
  if (!file || !kind) {
    return;
  }
  const data = new FormData();
  data.append('kind', kind.kind);
  if (kind.kind !== 'EXPERTS') {
    data.append('campaign', $('campaign').value);
  }
  if (kind.kind === 'APPLICATIONS') {
    data.append('unit', $('unit').value);
  }
  data.append('file', file);
  $('start').disabled = true;
  $('result').hidden = true;
  $('progress-box').hidden = false;
  $('phase').textContent = '正在上传';
  $('counts').textContent = '';
  try {
    const job = await uploadForm('/api/imports', data, (share) => {
      $('progress').value = Math.round(share * 100);
    });
    follow(job.id);
  } catch (error) {
    $('start').disabled = false;
    $('progress-box').hidden = true;
    showProblem(error);
  }
}

async function loadHistory() {
  const jobs = await api('/api/imports');
  $('history').tBodies[0].replaceChildren(...jobs.map((job) => h('tr', {},
    h('td', {}, formatInstant(job.createdAt)), h('td', {}, job.kindLabel + (job.campaign ? `（${job.campaign}）` : '')),
    h('td', {}, h('a', { href: '#', onclick: (e) => { e.preventDefault(); follow(job.id); } }, job.fileName)),
    h('td', {}, job.finished ? job.statusLabel : `${job.phase} ${job.percent}%`), h('td', {}, job.message || ''))));
}

async function start() {
  try {
    await showCurrentUser($('who'));
    choices = (await api('/api/imports/options')).kinds;
    if (choices.length === 0) {
      $('nothing').hidden = false;
      $('choice').hidden = true;
      $('template').hidden = true;
      $('upload').hidden = true;
    }
    $('kind').replaceChildren(...choices.map((k) => h('option', { value: k.kind }, k.label)));
    $('kind').addEventListener('change', fillCampaigns);
    $('campaign').addEventListener('change', fillUnits);
    $('unit').addEventListener('change', updateLinks);
    $('upload').addEventListener('submit', upload);
    fillCampaigns();
    await loadHistory();
  } catch (error) {
    showProblem(error);
  }
}

start();
