// The working-day calendar page: questions about working days for whoever writes a notice, and the
// holidays and make-up working days of a year. Every answer comes from /api/calendar.
import { api, ApiError, formatInstant, h, showCurrentUser } from '../cases/common.js';

const problemBox = document.getElementById('problem');

function showProblem(error) {
  problemBox.hidden = false;
  problemBox.replaceChildren(h('strong', {}, error.title || '出错了'), h('p', {}, error.message));
}

// A refused question is shown next to its form, naming the field; other failures at the top.
function showRefusal(target, form, error) {
  form.querySelectorAll('.field-error').forEach((node) => node.remove());
  form.querySelectorAll('[aria-invalid]').forEach((node) => node.removeAttribute('aria-invalid'));
  if (!(error instanceof ApiError) || error.status === 0 || error.status === 401 || error.status === 403) {
    target.replaceChildren();
    showProblem(error);
    return;
  }
  for (const violation of error.errors) {
    const input = form.elements.namedItem(violation.field);
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      input.closest('.field').append(h('span', { class: 'field-error' }, violation.message));
    }
  }
  target.replaceChildren(h('div', { class: 'summary' }, h('strong', {}, error.title), h('p', {}, error.message)));
}

function query(form) {
  const params = new URLSearchParams();
  for (const element of form.elements) {
    if (element.name) {
      params.append(element.name, element.value.trim());
    }
  }
  return params.toString();
}

function ask(formId, path, render) {
  const form = document.getElementById(formId);
  const target = document.getElementById(`${formId}-result`);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    problemBox.hidden = true;
    target.replaceChildren(h('p', { class: 'muted' }, '正在计算…'));
    try {
      const answer = await api(`${path}?${query(form)}`);
      form.querySelectorAll('.field-error').forEach((node) => node.remove());
      form.querySelectorAll('[aria-invalid]').forEach((node) => node.removeAttribute('aria-invalid'));
      target.replaceChildren(render(answer));
    } catch (error) {
      showRefusal(target, form, error);
    }
  });
}

function dates(list) {
  return list.length === 0 ? '无' : list.join('、');
}

ask('after', '/api/calendar/after', (a) => h('div', { class: 'notice' },
  h('p', {}, h('strong', {}, `${a.from} 之后第 ${a.days} 个工作日是 ${a.date}（${a.weekday}）`)),
  h('p', {}, `模型中写 `, h('code', {}, a.notation), `：任务到期时间 ${formatInstant(a.dueAt)}，计时器在该日结束时触发。`)));

ask('period', '/api/calendar/period-end', (p) => h('div', { class: 'notice' },
  h('p', {}, h('strong', {}, `自 ${p.first} 起 ${p.days} 个工作日，最后一天是 ${p.lastDay}（${p.weekday}）`)),
  p.firstWorkingDay === p.first ? '' : h('p', {}, `${p.first} 不是工作日，期间从 ${p.firstWorkingDay} 开始计算。`)));

ask('between', '/api/calendar/between', (b) => h('div', { class: 'notice' },
  h('p', {}, h('strong', {}, `${b.start} 至 ${b.end}（共 ${b.calendarDays} 天）有 ${b.workingDays} 个工作日`)),
  h('p', {}, `其间周一至周五放假：${dates(b.holidays)}`),
  h('p', {}, `其间调休上班的周末：${dates(b.makeUpWorkdays)}`)));

async function showYear(year) {
  const target = document.getElementById('year-result');
  try {
    const data = await api(`/api/calendar/years/${encodeURIComponent(year)}`);
    target.replaceChildren(
      h('p', {}, `${data.year} 年共有 ${data.workingDays} 个工作日。`),
      h('table', {},
        h('caption', {}, '放假日（连续的日期合为一段，含其中的周末）'),
        h('thead', {}, h('tr', {}, h('th', {}, '起'), h('th', {}, '止'), h('th', { class: 'number' }, '天数'))),
        h('tbody', {}, ...data.holidays.map((d) => h('tr', {},
          h('td', {}, d.first), h('td', {}, d.last), h('td', { class: 'number' }, d.days))))),
      h('table', {},
        h('caption', {}, '调休上班日'),
        h('thead', {}, h('tr', {}, h('th', {}, '日期'), h('th', {}, '星期'))),
        h('tbody', {}, ...(data.makeUpWorkdays.length === 0
          ? [h('tr', {}, h('td', { colspan: 2, class: 'muted' }, '无'))]
          : data.makeUpWorkdays.map((d) => h('tr', {}, h('td', {}, d.date), h('td', {}, d.weekday)))))));
  } catch (error) {
    target.replaceChildren();
    showProblem(error);
  }
}

async function loadYears() {
  const select = document.getElementById('year');
  const { years } = await api('/api/calendar/years');
  const current = new Date().getFullYear();
  select.replaceChildren(...years.map((year) => h('option', { value: year, selected: year === current }, `${year} 年`)));
  select.addEventListener('change', () => showYear(select.value));
  await showYear(select.value);
}

showCurrentUser(document.getElementById('who'))
  .then(loadYears)
  .catch(showProblem);
