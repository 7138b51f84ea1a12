// The process owner's page: the deployed year folders, and the check and deployment of an upload.
import { api, ApiError, formatInstant, h, showCurrentUser, uploadForm } from '../cases/common.js';

const problemBox = document.getElementById('problem');
const result = document.getElementById('result');
const progress = document.getElementById('progress');

function showProblem(error) {
  problemBox.hidden = false;
  problemBox.replaceChildren(h('strong', {}, error.title || '出错了'), h('p', {}, error.message));
}

function download(path, label) {
  return h('a', { href: path, download: label }, label);
}

async function loadFolders() {
  const rows = document.getElementById('folders');
  const folders = await api('/api/procedures');
  if (folders.length === 0) {
    rows.replaceChildren(h('tr', {}, h('td', { colspan: 5, class: 'muted' }, '还没有任何年度的流程')));
    return;
  }
  rows.replaceChildren(...folders.map((folder) => {
    const [province, year] = folder.folder.split('/');
    const processes = folder.processes.map((p) => h('div', {},
      `${p.name || p.key}（${p.key}）v${p.version} / ${p.versionTag || '无标签'} / ${p.running} 个运行中`));
    const problems = folder.problems.length === 0 ? [] : [h('div', { class: 'field-error' },
      `启动时未通过检查，未部署（共 ${folder.problems.length} 处问题）：`,
      h('ul', {}, ...folder.problems.map((problem) => h('li', {}, describe(problem)))))];
    const files = folder.files.map((name) => h('div', {},
      download(`/api/procedures/${province}/${year}/files/${encodeURIComponent(name)}`, name)));
    const campaigns = folder.campaigns.map((code) => h('div', {},
      download(`/api/procedures/campaign-files/${encodeURIComponent(code)}`, `${code}.yaml`)));
    return h('tr', {},
      h('td', {}, folder.folder),
      h('td', {}, ...processes, ...problems),
      h('td', {}, ...campaigns),
      h('td', {}, folder.deployedAt ? `${formatInstant(folder.deployedAt)} ${folder.deployedBy || ''}` : '未部署'),
      h('td', {}, ...files));
  }));
}

function describe(problem) {
  const where = [problem.file];
  if (problem.element) {
    where.push(`元素「${problem.element}${problem.elementName ? `（${problem.elementName}）` : ''}」`);
  }
  if (problem.line) {
    where.push(`第 ${problem.line} 行`);
  }
  return `${where.join(' ')}：${problem.message}`;
}

function problemTable(problems) {
  return h('table', {},
    h('thead', {}, h('tr', {}, h('th', {}, '文件'), h('th', {}, '元素或配置项'), h('th', {}, '名称'),
      h('th', {}, '行'), h('th', {}, '问题'))),
    h('tbody', {}, ...problems.map((p) => h('tr', {},
      h('td', {}, p.file), h('td', {}, p.element || ''), h('td', {}, p.elementName || ''),
      h('td', {}, p.line || ''), h('td', {}, p.message)))));
}

function formData() {
  const form = document.getElementById('upload');
  if (!form.reportValidity()) {
    return null;
  }
  const data = new FormData();
  data.append('folder', document.getElementById('folder').value.trim());
  for (const file of document.getElementById('files').files) {
    data.append('files', file, file.name);
  }
  return data;
}

async function send(path, verb) {
  const data = formData();
  if (!data) {
    return;
  }
  problemBox.hidden = true;
  progress.hidden = false;
  progress.value = 0;
  result.replaceChildren(h('p', { class: 'muted' }, `正在${verb}…`));
  try {
    const outcome = await uploadForm(path, data, (share) => { progress.value = share; });
    if (outcome.problems && outcome.problems.length > 0) {
      result.replaceChildren(h('div', { class: 'summary' },
        h('strong', {}, `发现 ${outcome.problems.length} 处问题，请修改后重新检查`)), problemTable(outcome.problems));
    } else if (outcome.deploymentId) {
      const lines = outcome.processes.map((p) => h('li', {}, `${p.name || p.key}（${p.key}）第 ${p.version} 版，版本标签 ${p.versionTag}`));
      result.replaceChildren(h('div', { class: 'notice' },
        h('strong', {}, outcome.unchanged ? '文件与已部署的版本相同，未产生新版本。' : '已部署。新建的案件将按新版本办理。'),
        h('ul', {}, ...lines),
        outcome.campaignsAdded.length ? h('p', {}, `新增遴选活动：${outcome.campaignsAdded.join('、')}`) : ''));
      await loadFolders();
    } else {
      result.replaceChildren(h('div', { class: 'notice' }, '检查通过，可以部署。'));
    }
  } catch (error) {
    if (error instanceof ApiError && error.status === 422 && error.problems) {
      result.replaceChildren(h('div', { class: 'summary' }, h('strong', {}, error.title), h('p', {}, error.message)),
        problemTable(error.problems));
    } else {
      result.replaceChildren();
      showProblem(error);
    }
  } finally {
    progress.hidden = true;
  }
}

document.getElementById('check').addEventListener('click', () => send('/api/procedures/check', '检查'));
document.getElementById('upload').addEventListener('submit', (event) => {
  event.preventDefault();
  send('/api/procedures', '部署');
});

showCurrentUser(document.getElementById('who'))
  .then(loadFolders)
  .catch(showProblem);
