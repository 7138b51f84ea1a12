// 进度看板: filters, charts (ECharts), the diagram heatmap (bpmn-js), drill-down lists and refresh.
// Every number on the page comes from /api/dashboard/figures; clicking it asks /api/dashboard/cases
// for the cases behind it, with the same filter.

import { api, ApiError, formatInstant, h, showCurrentUser } from '../cases/common.js';

const STAGES = [
  ['DRAFT', '草稿'], ['SUBMITTED', '待初审'], ['CORRECTION', '退回补正'], ['PROPOSED', '拟推荐'],
  ['NOT_RECOMMENDED', '未获推荐'], ['FORMAL_REVIEW', '形式审查'], ['REJECTED', '形式审查未通过'],
  ['MATERIAL_REVIEW', '资料评审'], ['BELOW_CUTOFF', '未进入答辩'], ['DEFENSE', '答辩评审'],
  ['DEFENSE_FAILED', '答辩未通过'], ['SITE_VISIT', '现场考察'], ['SITE_VISIT_FAILED', '现场考察未通过'],
  ['SHORTLISTED', '待定推荐名单'], ['NOT_SELECTED', '未入选'], ['PUBLIC_NOTICE', '公示中'],
  ['ONLINE_SUBMISSION', '待网上申报'], ['SUBMITTED_ONLINE', '已网上申报'], ['ONLINE_SUBMISSION_MISSED', '逾期未网上申报'],
  ['REMOVED', '取消入选'], ['ANNOUNCED', '已公告'], ['REVOKED', '已撤销称号'], ['WITHDRAWN', '已撤回'], ['EXPIRED', '逾期'],
];
const REFRESH_MS = 60_000;
const COLORS = ['#2f6fde', '#e0a040', '#1e7a46', '#9e1b32', '#6b5bd2', '#15a5a5', '#c2571a', '#5f6b7a'];

const $ = (id) => document.getElementById(id);
const state = { campaigns: [], figures: null, charts: {}, viewer: null, process: null, diagramKey: null, timer: null };

// ------------------------------------------------------------------ filters

function filterParams() {
  const params = new URLSearchParams({ campaign: $('campaign').value });
  if ($('stage').value) params.set('stage', $('stage').value);
  if ($('unit').value) params.set('unit', $('unit').value);
  return params;
}

function fillCampaigns() {
  const year = $('year').value;
  const select = $('campaign');
  const previous = select.value;
  select.replaceChildren(...state.campaigns.filter((c) => !year || String(c.year) === year)
    .map((c) => h('option', { value: c.code }, `${c.year} · ${c.name}`)));
  if ([...select.options].some((o) => o.value === previous)) {
    select.value = previous;
  }
  fillUnits();
}

function fillUnits() {
  const campaign = state.campaigns.find((c) => c.code === $('campaign').value);
  const select = $('unit');
  const previous = select.value;
  select.replaceChildren(h('option', { value: '' }, '全部单位'),
    ...(campaign ? campaign.units : []).map((u) => h('option', { value: u.code }, u.name)));
  if ([...select.options].some((o) => o.value === previous)) {
    select.value = previous;
  }
}

function readUrl() {
  const params = new URLSearchParams(location.search);
  return { campaign: params.get('campaign'), stage: params.get('stage'), unit: params.get('unit') };
}

function writeUrl() {
  history.replaceState(null, '', `?${filterParams()}`);
}

// ------------------------------------------------------------------ loading

function showProblem(error) {
  const box = $('problem');
  if (!error) {
    box.hidden = true;
    return;
  }
  const title = error instanceof ApiError ? error.title : '出错了';
  box.replaceChildren(h('h2', {}, title), h('p', {}, error.message));
  box.hidden = false;
}

async function refresh() {
  if (!$('campaign').value) {
    return;
  }
  writeUrl();
  $('export').href = `/api/dashboard/export?${filterParams()}`;
  $('updated').textContent = '正在更新…';
  try {
    const figures = await api(`/api/dashboard/figures?${filterParams()}`);
    state.figures = figures;
    showProblem(null);
    render(figures);
    $('updated').textContent = `最后更新：${formatInstant(figures.generatedAt)}（系统时间）· 本机 ${new Date().toLocaleTimeString('zh-CN')}`;
    document.body.dataset.loaded = figures.campaign.code;
  } catch (error) {
    showProblem(error);
    $('updated').textContent = '更新失败';
  }
}

function scheduleRefresh() {
  clearInterval(state.timer);
  state.timer = $('auto-refresh').checked ? setInterval(refresh, REFRESH_MS) : null;
}

// ------------------------------------------------------------------ drill-down

function countButton(value, drill, title) {
  if (!value) {
    return h('button', { type: 'button', class: 'count zero', disabled: true }, String(value ?? 0));
  }
  return h('button', { type: 'button', class: 'count', title: title || '查看这些案件', onclick: () => openDrill(drill, title) },
    String(value));
}

async function openDrill(drill, title) {
  const params = filterParams();
  for (const [key, value] of Object.entries(drill)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, value);
  }
  const section = $('drill');
  $('drill-title').textContent = title || '案件清单';
  $('drill-rows').replaceChildren(h('tr', {}, h('td', { colspan: 6, class: 'muted' }, '正在加载…')));
  section.hidden = false;
  section.scrollIntoView({ behavior: 'smooth', block: 'start' });
  section.focus({ preventScroll: true });
  try {
    const rows = await api(`/api/dashboard/cases?${params}`);
    $('drill-title').textContent = `${title || '案件清单'}（${rows.length} 件）`;
    $('drill-rows').replaceChildren(...(rows.length ? rows.map((c) => h('tr', {},
      h('td', {}, h('a', { href: `/cases/edit.html?id=${c.id}` }, c.caseNumber)),
      h('td', {}, c.enterpriseName),
      h('td', {}, c.unitName),
      h('td', {}, h('span', { class: `stage ${c.stage}` }, c.stageLabel)),
      h('td', { class: 'number' }, c.daysInStage.toFixed(1)),
      h('td', {}, c.note || ''))) : [h('tr', {}, h('td', { colspan: 6, class: 'muted' }, '没有案件'))]));
  } catch (error) {
    $('drill-rows').replaceChildren(h('tr', {}, h('td', { colspan: 6, class: 'field-error' }, error.message)));
  }
}

// ------------------------------------------------------------------ rendering

function render(f) {
  const scope = f.scope.allUnits ? '查看范围：全部推荐单位' : `查看范围：${f.scope.unitNames.join('、')}（仅本单位案件）`;
  $('scope').textContent = `${f.campaign.organiser} · ${f.campaign.name} · 统计日 ${f.today} · ${scope}`;
  renderTiles(f);
  renderFunnel(f);
  renderQueues(f);
  renderUnitQueues(f);
  renderDwell(f);
  renderThroughput(f);
  renderOverdue(f);
  renderUnits(f);
  renderExperts(f);
  renderDiagram(f);
}

function tile(label, value, drill, tone, title) {
  return h('div', { class: `tile ${tone || ''}` }, h('div', { class: 'label' }, label),
    h('div', { class: 'value' }, drill && value ? h('button', { type: 'button', class: 'link', onclick: () => openDrill(drill, title || label) }, String(value)) : String(value)));
}

function renderTiles(f) {
  const open = f.queues.reduce((sum, q) => sum + q.count, 0);
  const submittedLists = f.units.filter((u) => u.status === 'SUBMITTED' || u.status === 'SUBMITTED_LATE').length;
  const overdueUnits = f.units.filter((u) => u.status === 'OVERDUE').length;
  const unscored = f.experts.reduce((sum, e) => sum + e.open, 0);
  const oldest = f.queues.reduce((max, q) => Math.max(max, q.maxAgeDays), 0);
  $('tiles').replaceChildren(
    tile('案件总数', f.caseCount, { figure: 'all' }),
    tile('办理中（积压）', open, null),
    tile('逾期任务', f.overdue.length, { figure: 'overdue' }, f.overdue.length ? 'alert' : '', '有逾期任务的案件'),
    tile('最长停留（天）', oldest.toFixed(1), null, oldest > 14 ? 'warn' : ''),
    tile('已报送名单的单位', `${submittedLists} / ${f.units.length}`, null, overdueUnits ? 'alert' : ''),
    ...(f.scope.expertsShown ? [tile('专家未评分', unscored, null, unscored ? 'warn' : '')] : []));
}

function chart(id) {
  const element = $(id);
  let instance = state.charts[id];
  if (!instance) {
    instance = echarts.init(element, null, { renderer: 'canvas' });
    state.charts[id] = instance;
  }
  instance.off('click');
  return instance;
}

function empty(id, text) {
  const instance = chart(id);
  instance.clear();
  instance.setOption({ title: { text, left: 'center', top: 'middle', textStyle: { color: '#5f6b7a', fontSize: 14, fontWeight: 'normal' } } });
}

function renderFunnel(f) {
  if (!f.funnel.length) {
    empty('chart-funnel', '暂无案件');
    return;
  }
  const stages = f.funnel.map((s) => s.label);
  const instance = chart('chart-funnel');
  instance.setOption({
    color: ['#b8cdf0', '#2f6fde'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 110, right: 40, top: 30, bottom: 20 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: stages, inverse: true },
    series: [
      { name: '曾到达', type: 'bar', data: f.funnel.map((s) => s.reached), label: { show: true, position: 'right' }, barGap: '-100%' },
      { name: '当前', type: 'bar', data: f.funnel.map((s) => s.current), label: { show: true, position: 'insideRight', color: '#fff' } },
    ],
  }, true);
  instance.on('click', (event) => {
    const stage = f.funnel[event.dataIndex];
    openDrill({ figure: event.seriesIndex === 0 ? 'reached' : 'current', at: stage.stage },
      `${event.seriesIndex === 0 ? '曾到达' : '当前处于'}“${stage.label}”的案件`);
  });
}

function renderQueues(f) {
  if (!f.queues.length) {
    empty('chart-queues', '没有办理中的案件');
    return;
  }
  const instance = chart('chart-queues');
  instance.setOption({
    color: ['#2f6fde', '#e0a040', '#b42318'],
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 50, right: 50, top: 40, bottom: 50 },
    xAxis: { type: 'category', data: f.queues.map((q) => q.label), axisLabel: { interval: 0, rotate: f.queues.length > 6 ? 30 : 0 } },
    yAxis: [{ type: 'value', name: '案件', minInterval: 1 }, { type: 'value', name: '天' }],
    series: [
      { name: '积压案件', type: 'bar', data: f.queues.map((q) => q.count), label: { show: true, position: 'top' } },
      { name: '平均已停留（天）', type: 'line', yAxisIndex: 1, data: f.queues.map((q) => q.averageAgeDays) },
      { name: '最长已停留（天）', type: 'line', yAxisIndex: 1, data: f.queues.map((q) => q.maxAgeDays), lineStyle: { type: 'dashed' } },
    ],
  }, true);
  instance.on('click', (event) => {
    const queue = f.queues[event.dataIndex];
    openDrill({ figure: 'queue', at: queue.stage }, `积压在“${queue.label}”的案件`);
  });
}

function renderUnitQueues(f) {
  if (!f.unitQueues.length) {
    empty('chart-units', '没有办理中的案件');
    return;
  }
  const units = [...new Map(f.unitQueues.map((q) => [q.unit, q.unitName])).entries()];
  const stages = [...new Map(f.unitQueues.map((q) => [q.stage, q.label])).entries()];
  const instance = chart('chart-units');
  instance.setOption({
    color: COLORS,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 150, right: 30, top: 40, bottom: 20 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: units.map(([, name]) => name), inverse: true },
    series: stages.map(([stage, label]) => ({
      name: label, type: 'bar', stack: 'queue', label: { show: true, formatter: (p) => (p.value ? p.value : '') },
      data: units.map(([unit]) => f.unitQueues.find((q) => q.unit === unit && q.stage === stage)?.count || 0),
    })),
  }, true);
  instance.on('click', (event) => {
    const [unit, unitName] = units[event.dataIndex];
    const [stage, label] = stages[event.seriesIndex];
    openDrill({ figure: 'queue', at: stage, unitRow: unit }, `${unitName}积压在“${label}”的案件`);
  });
}

function renderDwell(f) {
  if (!f.dwell.length) {
    empty('chart-dwell', '还没有案件离开过任何阶段');
  } else {
    const instance = chart('chart-dwell');
    instance.setOption({
      color: ['#2f6fde', '#e0a040'],
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 50, right: 20, top: 40, bottom: 50 },
      xAxis: { type: 'category', data: f.dwell.map((d) => d.label), axisLabel: { interval: 0, rotate: f.dwell.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', name: '天' },
      series: [
        { name: '中位数', type: 'bar', data: f.dwell.map((d) => d.medianDays), label: { show: true, position: 'top' } },
        { name: '90百分位', type: 'bar', data: f.dwell.map((d) => d.p90Days), label: { show: true, position: 'top' } },
      ],
    }, true);
    instance.on('click', (event) => {
      const dwell = f.dwell[event.dataIndex];
      openDrill({ figure: 'dwell', at: dwell.stage }, `在“${dwell.label}”停留过的案件`);
    });
  }
  const buckets = f.dwell[0]?.buckets || [];
  $('dwell-head').replaceChildren(h('tr', {}, h('th', {}, '阶段'), h('th', { class: 'number' }, '次数'),
    ...buckets.map((b) => h('th', { class: 'number' }, b.label))));
  $('dwell').replaceChildren(...f.dwell.map((d) => h('tr', {}, h('td', {}, d.label),
    h('td', { class: 'number' }, countButton(d.count, { figure: 'dwell', at: d.stage }, `在“${d.label}”停留过的案件`)),
    ...d.buckets.map((b) => h('td', { class: 'number' },
      countButton(b.count, { figure: 'dwell', at: d.stage, bucket: b.key }, `在“${d.label}”停留${b.label}的案件`))))));
}

function renderThroughput(f) {
  if (!f.throughput.length) {
    empty('chart-throughput', '暂无处理记录');
    return;
  }
  const kinds = [['created', '新建'], ['submitted', '提交'], ['moved', '阶段流转'], ['finished', '办结']];
  const instance = chart('chart-throughput');
  instance.setOption({
    color: ['#8a96a6', '#2f6fde', '#e0a040', '#1e7a46'],
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 20, top: 40, bottom: 50 },
    dataZoom: f.throughput.length > 45 ? [{ type: 'slider', bottom: 5 }] : [],
    xAxis: { type: 'category', data: f.throughput.map((d) => d.date) },
    yAxis: { type: 'value', minInterval: 1 },
    series: kinds.map(([key, name], index) => ({
      name, type: index === 2 ? 'bar' : 'line', data: f.throughput.map((d) => d[key]), smooth: false,
    })),
  }, true);
  instance.on('click', (event) => {
    const [kind, name] = kinds[event.seriesIndex];
    const day = f.throughput[event.dataIndex];
    openDrill({ figure: 'throughput', date: day.date, kind }, `${day.date} ${name}的案件`);
  });
}

function renderOverdue(f) {
  $('overdue-count').textContent = f.overdue.length ? `共 ${f.overdue.length} 项，按截止时间排列` : '';
  $('overdue').replaceChildren(...(f.overdue.length ? f.overdue.map((o) => h('tr', {},
    h('td', {}, o.taskName),
    h('td', {}, o.caseId ? [h('a', { href: `/cases/edit.html?id=${o.caseId}` }, o.caseNumber), ' ', o.enterpriseName,
      ' ', h('span', { class: `stage ${o.stage}` }, o.stageLabel)] : h('span', { class: 'muted' }, '（活动级任务）')),
    h('td', {}, o.unitName || ''),
    h('td', {}, h('span', { class: 'muted' }, o.holderKind === 'USER' ? '个人：' : '单位/用户组：'), o.holderName),
    h('td', {}, formatInstant(o.due)),
    h('td', { class: 'number late' }, o.workingDaysLate != null ? `${o.workingDaysLate} 个工作日` : `${o.daysLate} 天`,
      o.workingDaysLate != null ? h('div', { class: 'muted' }, `${o.daysLate} 天`) : ''))) :
    [h('tr', {}, h('td', { colspan: 6, class: 'muted' }, '没有逾期任务'))]));
}

function renderUnits(f) {
  $('units').replaceChildren(...(f.units.length ? f.units.map((u) => {
    const share = u.quota ? Math.min(1, u.held / u.quota) : 0;
    const drill = (kind, label) => countButton(u[kind], { figure: 'unit', unitRow: u.unit, kind }, `${u.unitName}：${label}`);
    return h('tr', {},
      h('td', {}, u.unitName, h('div', { class: 'muted' }, u.kind)),
      h('td', { class: 'number' }, drill('filed', '已提交的案件')),
      h('td', { class: 'number' }, drill('pending', '待初审的案件')),
      h('td', {}, h('div', { class: `bar ${u.quota && u.held >= u.quota ? 'full' : ''}` },
        h('span', { style: `width:${(share * 100).toFixed(0)}%` }),
        h('em', {}, u.quota ? `${u.held} / ${u.quota}` : `${u.held}（不限名额）`)),
      u.held ? h('button', { type: 'button', class: 'link', onclick: () => openDrill({ figure: 'unit', unitRow: u.unit, kind: 'held' }, `${u.unitName}：占用名额的案件`) }, '查看') : ''),
      h('td', { class: 'number' }, drill('notRecommended', '未获推荐的案件')),
      h('td', { class: 'number' }, drill('drafts', '草稿')),
      h('td', {}, u.deadline),
      h('td', { class: `status-${u.status}` }, u.statusLabel,
        u.listSubmittedAt ? h('div', { class: 'muted' }, formatInstant(u.listSubmittedAt)) : ''));
  }) : [h('tr', {}, h('td', { colspan: 8, class: 'muted' }, '没有推荐单位'))]));
}

function renderExperts(f) {
  $('experts-card').hidden = !f.scope.expertsShown;
  $('experts').replaceChildren(...(f.experts.length ? f.experts.map((e) => {
    const share = e.assigned ? e.scored / e.assigned : 0;
    return h('tr', {},
      h('td', {}, e.expertName, h('span', { class: 'muted' }, `（${e.expert}）`)),
      h('td', {}, e.stageLabel),
      h('td', { class: 'number' }, countButton(e.assigned, { figure: 'expert', expert: e.expert, at: e.stage }, `${e.expertName}分配的案件`)),
      h('td', { class: 'number' }, countButton(e.scored, { figure: 'expert', expert: e.expert, at: e.stage, kind: 'scored' }, `${e.expertName}已评分的案件`)),
      h('td', { class: 'number' }, countButton(e.open, { figure: 'expert', expert: e.expert, at: e.stage, kind: 'open' }, `${e.expertName}未评分的案件`)),
      h('td', {}, h('div', { class: 'bar' }, h('span', { style: `width:${(share * 100).toFixed(0)}%` }),
        h('em', {}, `${(share * 100).toFixed(0)}%`))));
  }) : [h('tr', {}, h('td', { colspan: 6, class: 'muted' }, '尚未分配评审专家'))]));
}

// ------------------------------------------------------------------ diagram heatmap

function heatLevel(days, max) {
  if (max <= 0) return 1;
  const share = days / max;
  return share > 0.75 ? 4 : share > 0.5 ? 3 : share > 0.25 ? 2 : 1;
}

function renderDiagramTabs(f) {
  const tabs = f.diagrams.map((d) => {
    const active = d.steps.reduce((sum, s) => sum + (s.type === 'callActivity' ? 0 : s.active), 0);
    return h('button', {
      type: 'button', role: 'tab', 'aria-selected': String(d.processKey === state.process), dataset: { process: d.processKey },
      onclick: () => showProcess(d.processKey),
    }, d.main ? `案件主流程：${d.name}` : d.name, h('span', { class: 'n' }, d.main ? '' : `(${active})`));
  });
  $('diagram-tabs').replaceChildren(...tabs);
}

async function showProcess(key) {
  state.process = key;
  renderDiagram(state.figures);
}

async function renderDiagram(f) {
  if (!f.diagrams.length) {
    $('diagram').replaceChildren(h('p', { class: 'empty' }, '该活动的流程尚未部署'));
    $('diagram-tabs').replaceChildren();
    state.diagramKey = null;
    return;
  }
  if (!f.diagrams.some((d) => d.processKey === state.process)) {
    state.process = f.diagrams.find((d) => d.main).processKey;
  }
  renderDiagramTabs(f);
  const diagram = f.diagrams.find((d) => d.processKey === state.process);
  const key = `${f.campaign.code}|${diagram.processKey}`;
  if (!state.viewer) {
    state.viewer = new BpmnJS({ container: '#diagram' });
    state.viewer.on('element.click', (event) => {
      const called = state.figures?.diagrams.find((d) => d.processKey === state.process)
        ?.steps.find((s) => s.activityId === event.element.id)?.calledProcessKey;
      if (called && state.figures.diagrams.some((d) => d.processKey === called)) {
        showProcess(called);
      }
    });
  }
  if (state.diagramKey !== key) {
    const response = await fetch(`/api/dashboard/diagram?campaign=${encodeURIComponent(f.campaign.code)}&process=${encodeURIComponent(diagram.processKey)}`,
      { credentials: 'same-origin' });
    if (!response.ok) {
      $('diagram').dataset.error = String(response.status);
      return;
    }
    await state.viewer.importXML(await response.text());
    state.viewer.get('canvas').zoom('fit-viewport', 'auto');
    state.diagramKey = key;
  }
  paintHeat(diagram);
}

function paintHeat(diagram) {
  const canvas = state.viewer.get('canvas');
  const overlays = state.viewer.get('overlays');
  const registry = state.viewer.get('elementRegistry');
  overlays.remove({ type: 'heat' });
  const maxWait = diagram.steps.reduce((max, s) => Math.max(max, s.active ? s.averageWaitDays : 0), 0);
  for (const step of diagram.steps) {
    const element = registry.get(step.activityId);
    if (!element) continue;
    ['heat-1', 'heat-2', 'heat-3', 'heat-4', 'heat-done', 'stage-block'].forEach((m) => canvas.removeMarker(step.activityId, m));
    if (step.calledProcessKey) canvas.addMarker(step.activityId, 'stage-block');
    if (step.active > 0) {
      const level = heatLevel(step.averageWaitDays, maxWait);
      canvas.addMarker(step.activityId, `heat-${level}`);
      const badge = h('button', {
        type: 'button', class: `heat-badge heat-${level}`, dataset: { activity: step.activityId, count: String(step.active) },
        title: `${step.name}：${step.active} 件在办，平均已等待 ${step.averageWaitDays} 天，最长 ${step.maxWaitDays} 天；已完成 ${step.completed} 次，平均用时 ${step.averageDurationDays} 天`,
        onclick: (event) => {
          event.stopPropagation();
          openDrill({ figure: 'activity', process: diagram.processKey, activity: step.activityId }, `在“${step.name}”的案件`);
        },
      }, h('b', {}, String(step.active)), '件', ` · ${step.averageWaitDays}天`);
      overlays.add(step.activityId, 'heat', { position: { top: -14, left: -6 }, html: badge });
    } else if (step.completed > 0 && element.type !== 'bpmn:SequenceFlow') {
      canvas.addMarker(step.activityId, 'heat-done');
      const badge = h('span', { class: 'heat-badge done', dataset: { activity: step.activityId, completed: String(step.completed) },
        title: `${step.name}：已完成 ${step.completed} 次，平均用时 ${step.averageDurationDays} 天` }, `✓ ${step.completed}`);
      overlays.add(step.activityId, 'heat', { position: { bottom: 4, right: 24 }, html: badge });
    }
  }
}

// ------------------------------------------------------------------ start

async function start() {
  $('stage').append(...STAGES.map(([code, label]) => h('option', { value: code }, label)));
  try {
    await showCurrentUser($('who'));
    state.campaigns = await api('/api/dashboard/campaigns');
  } catch (error) {
    showProblem(error);
    return;
  }
  const years = [...new Set(state.campaigns.map((c) => c.year))];
  $('year').append(...years.map((y) => h('option', { value: String(y) }, `${y}年`)));
  const wanted = readUrl();
  fillCampaigns();
  if (wanted.campaign && state.campaigns.some((c) => c.code === wanted.campaign)) {
    $('campaign').value = wanted.campaign;
    fillUnits();
  }
  if (wanted.stage) $('stage').value = wanted.stage;
  if (wanted.unit) $('unit').value = wanted.unit;
  if (!state.campaigns.length) {
    showProblem(new Error('您没有可查看的遴选活动'));
    return;
  }
  $('year').addEventListener('change', () => { fillCampaigns(); refresh(); });
  $('campaign').addEventListener('change', () => { fillUnits(); $('drill').hidden = true; refresh(); });
  $('stage').addEventListener('change', refresh);
  $('unit').addEventListener('change', refresh);
  $('filters').addEventListener('submit', (event) => { event.preventDefault(); refresh(); });
  $('refresh-now').addEventListener('click', refresh);
  $('auto-refresh').addEventListener('change', scheduleRefresh);
  $('drill-close').addEventListener('click', () => { $('drill').hidden = true; });
  window.addEventListener('resize', () => Object.values(state.charts).forEach((c) => c.resize()));
  scheduleRefresh();
  await refresh();
}

start();
