import { api, h, showCurrentUser } from '../cases/common.js';
import { downloadFile, summaryTablePath } from './download.js';

const params = new URLSearchParams(window.location.search);
const campaignSelect = document.getElementById('campaign');
const files = document.getElementById('files');
const status = document.getElementById('status');
const problem = document.getElementById('problem');

function showProblem(error) {
  problem.replaceChildren(h('h2', {}, error.title), h('p', {}, error.message));
  problem.hidden = false;
}

function button(label, path) {
  return h('button', { type: 'button', onclick: () => downloadFile(path, status, label) }, label);
}

async function load() {
  problem.hidden = true;
  status.textContent = '';
  const code = campaignSelect.value;
  try {
    const available = await api(`/api/campaigns/${encodeURIComponent(code)}/exports`);
    const blocks = [];
    // One entry per unit whose table the user may download: the server applies the access rules.
    const tables = available.filter((file) => file.kind === 'summary-table');
    if (tables.length) {
      const select = h('select', { id: 'unit', 'aria-label': '推荐单位' },
        tables.map((file) => h('option', { value: file.unit }, file.unitName)));
      blocks.push(h('div', { class: 'attachment-kind' }, h('h3', {}, `推荐汇总表：${tables[0].label}`),
        h('p', { class: 'hint' }, '选择推荐单位后下载；盖章后在“推荐单位材料”页面上传。'),
        h('div', { class: 'upload' }, select, h('button', { type: 'button',
          onclick: () => downloadFile(summaryTablePath(code, select.value), status, tables[0].label) }, '下载推荐汇总表'))));
    }
    const scores = available.filter((file) => file.kind === 'scores');
    if (scores.length) {
      blocks.push(h('div', { class: 'attachment-kind' }, h('h3', {}, '专家评分表'),
        h('p', { class: 'hint' }, '各评审环节：评分汇总（各专家总分、最高最低分、得分、是否提请合议）及每位专家的评分表。'),
        h('div', { class: 'upload' }, scores.map((file) => button(file.label, file.href)))));
    }
    const lists = available.filter((file) => file.kind === 'public-notice' || file.kind === 'final');
    if (lists.length) {
      blocks.push(h('div', { class: 'attachment-kind' }, h('h3', {}, '公示名单和公布名单'),
        h('p', { class: 'hint' }, '公示开始后可下载公示名单，结果公告后可下载公布名单。'),
        h('div', { class: 'upload' }, lists.map((file) => button(file.label, file.href)))));
    }
    if (blocks.length === 0) {
      blocks.push(h('p', { class: 'muted' }, '您在本活动没有可下载的文件（本活动的通知没有推荐汇总表模板，或您不是其推荐单位的工作人员）。'));
    }
    files.replaceChildren(...blocks);
    window.history.replaceState(null, '', `?${new URLSearchParams({ campaign: code })}`);
  } catch (error) {
    files.replaceChildren(h('p', { class: 'muted' }, '无法加载可下载的文件。'));
    showProblem(error);
  }
}

campaignSelect.addEventListener('change', load);

async function start() {
  try {
    await showCurrentUser(document.getElementById('who'));
    const campaigns = await api('/api/campaigns');
    campaignSelect.replaceChildren(...campaigns.map((c) => h('option', { value: c.code }, c.name)));
    const wanted = params.get('campaign');
    if (wanted && campaigns.some((c) => c.code === wanted)) {
      campaignSelect.value = wanted;
    }
    await load();
  } catch (error) {
    document.getElementById('who').textContent = '未登录';
    files.replaceChildren(h('p', { class: 'muted' }, '登录后显示可下载的文件。'));
    showProblem(error);
  }
}

start();
