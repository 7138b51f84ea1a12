import {
  api, ApiError, formatBytes, formatInstant, h, showCurrentUser, STAGES_EDITABLE, STAGES_WITHDRAWABLE, textLength,
  uploadForm,
} from './common.js';
import { setUpWord } from './word.js';

const STAGE_LABELS = {
  DRAFT: '草稿', SUBMITTED: '待初审', CORRECTION: '退回补正', PROPOSED: '拟推荐', NOT_RECOMMENDED: '未获推荐',
  FORMAL_REVIEW: '形式审查', REJECTED: '形式审查未通过', MATERIAL_REVIEW: '资料评审', BELOW_CUTOFF: '未进入答辩',
  DEFENSE: '答辩评审', DEFENSE_FAILED: '答辩未通过', SITE_VISIT: '现场考察', SITE_VISIT_FAILED: '现场考察未通过',
  SHORTLISTED: '待定推荐名单', NOT_SELECTED: '未入选', PUBLIC_NOTICE: '公示中', REMOVED: '取消入选', ANNOUNCED: '已公告',
  ONLINE_SUBMISSION: '待网上申报', SUBMITTED_ONLINE: '已网上申报', ONLINE_SUBMISSION_MISSED: '逾期未网上申报',
  REVOKED: '已撤销称号', WITHDRAWN: '已撤回', EXPIRED: '逾期',
};
const SIZE_LABELS = { LARGE: '大型', MEDIUM: '中型', SMALL: '小型', MICRO: '微型' };
const TITLE_KEY = 'title';

const $ = (id) => document.getElementById(id);
const form = $('case-form');

const state = {
  me: null,
  detail: null,
  campaign: null,
  dirty: false,
  busy: false,
  // One key for every create attempt of this page: a repeated click or a retry after a lost
  // answer returns the case already created instead of a second one.
  idempotencyKey: crypto.randomUUID(),
};

// ---------------------------------------------------------------- errors and messages

function clearErrors(scope = document) {
  for (const message of scope.querySelectorAll('.field-error')) {
    message.remove();
  }
  for (const invalid of scope.querySelectorAll('[aria-invalid="true"]')) {
    invalid.removeAttribute('aria-invalid');
  }
  for (const invalid of scope.querySelectorAll('.invalid')) {
    invalid.classList.remove('invalid');
  }
  if (scope === document) {
    $('summary').hidden = true;
    $('notice').hidden = true;
  }
}

/** The element an error's field names, e.g. figures.2021.profit → the profit input of the 2021 row. */
function elementFor(field, scope = document) {
  if (!field) {
    return null;
  }
  let path = field;
  const years = state.campaign?.eligibility?.financialYears ?? [];
  const byYear = /^figures\.(\d{4})(\..+)?$/.exec(path);
  if (byYear && years.includes(Number(byYear[1]))) {
    path = `figures[${years.indexOf(Number(byYear[1]))}]${byYear[2] ?? ''}`;
  }
  while (path) {
    const element = scope.querySelector(`[data-field="${CSS.escape(path)}"]`);
    if (element) {
      return element;
    }
    // One step up: figures[0].revenue → figures[0] → figures; fields.t[营业收入][2023年] → fields.t[营业收入] → fields.t.
    const shorter = path.replace(/(\[[^\]]*\]|\.[^.[\]]+)$/, '');
    if (shorter === path) {
      return null;
    }
    path = shorter;
  }
  return null;
}

function placeMessage(element, message) {
  const control = element.matches('input, select, textarea') ? element : null;
  if (control) {
    control.setAttribute('aria-invalid', 'true');
  }
  const redirect = element.dataset.errorTarget ? $(element.dataset.errorTarget) : null;
  const holder = redirect ?? element.closest('.field, .attachment-kind, fieldset[data-field]') ?? element;
  holder.classList.add('invalid');
  holder.append(h('p', { class: 'field-error' }, message));
}

/**
 * Shows a refusal next to the fields it names and as a summary at the top. Nothing on the page
 * is reset: what the user typed stays for them to correct.
 */
function showErrors(error, { scope = document, fallback = null, summary = true } = {}) {
  const items = [];
  const list = error instanceof ApiError ? error.errors : [];
  for (const violation of list) {
    const element = elementFor(violation.field, scope) ?? fallback;
    if (element) {
      placeMessage(element, violation.message);
    }
    const focusable = element?.matches('input, select, textarea') ? element : element?.querySelector('input, select, textarea, button');
    items.push(h('li', {}, focusable
      ? h('a', { href: '#', onclick: (event) => { event.preventDefault(); focusable.focus(); } }, violation.message)
      : violation.message));
  }
  if (list.length === 0 && fallback) {
    placeMessage(fallback, error.message);
  }
  if (!summary) {
    return;
  }
  const box = $('summary');
  box.replaceChildren(
    h('h2', {}, list.length > 1 ? `${error.title}：共 ${list.length} 处需要修改` : error.title),
    list.length > 0 ? h('ul', {}, items) : h('p', {}, error.message));
  box.hidden = false;
  box.focus();
}

function notify(message) {
  const notice = $('notice');
  notice.textContent = message;
  notice.hidden = false;
}

function setStatus(message) {
  $('status').textContent = message;
}

function markDirty() {
  state.dirty = true;
  $('notice').hidden = true;
  setStatus('有未保存的修改');
}

window.addEventListener('beforeunload', (event) => {
  if (state.dirty) {
    event.preventDefault();
  }
});

// ---------------------------------------------------------------- the form, built from the campaign

function counterFor(control, max) {
  const counter = h('span', { class: 'counter', 'aria-live': 'polite' });
  const update = () => {
    const length = textLength(control.value);
    counter.textContent = `${length} / ${max} 字`;
    counter.classList.toggle('over', length > max);
  };
  control.addEventListener('input', update);
  control.updateCounter = update;
  update();
  return counter;
}

function renderCampaign(campaign) {
  state.campaign = campaign;
  const schedule = campaign.schedule ?? {};
  $('campaign-hint').textContent = [
    campaign.documentNumber ? `文件：${campaign.documentNumber}` : null,
    schedule.applicationOpens ? `申报时间：${schedule.applicationOpens} 至 ${schedule.applicationCloses}` : null,
    campaign.organiser ? `组织单位：${campaign.organiser}` : null,
  ].filter(Boolean).join('；');

  $('unit').replaceChildren(h('option', { value: '' }, '请选择推荐单位'),
    ...campaign.units.map((unit) => h('option', { value: unit.code },
      `${unit.name}（${unit.kindLabel}${unit.unlimited ? '' : `，推荐名额 ${unit.quota} 项`}）`)));

  $('directions-legend').textContent = campaign.maxDirections === 1
    ? '申报方向（选择 1 个）' : `申报方向（最多选择 ${campaign.maxDirections} 个）`;
  $('directions').replaceChildren(...campaign.directions.map((direction) => h('label', { class: 'choice' },
    h('input', { type: 'checkbox', name: 'direction', value: direction.code }),
    h('span', {}, direction.name, direction.description ? h('small', {}, direction.description) : null))));

  const texts = campaign.texts.map((section) => {
    const id = `text-${section.key}`;
    const isTitle = section.key === TITLE_KEY;
    const control = isTitle
      ? h('input', { type: 'text', id, dataset: { field: TITLE_KEY } })
      : h('textarea', { id, class: section.maxChars > 1500 ? 'long' : null, dataset: { field: `texts.${section.key}` } });
    return h('div', { class: 'field' },
      h('label', { for: id, class: section.required ? 'required' : null }, `${section.label}（${section.maxChars}字以内）`),
      control, counterFor(control, section.maxChars));
  });
  if (!campaign.texts.some((section) => section.key === TITLE_KEY)) {
    const control = h('input', { type: 'text', id: `text-${TITLE_KEY}`, maxlength: 200, dataset: { field: TITLE_KEY } });
    texts.unshift(h('div', { class: 'field' }, h('label', { for: control.id, class: 'required' }, '经验名称'), control));
  }
  $('texts').replaceChildren(...texts);

  const years = campaign.eligibility?.financialYears ?? [];
  $('figures-hint').textContent = `填写 ${years.join('、')} 年的数据，单位为万元。`
    + (campaign.eligibility?.profitableEachYear ? '本次活动要求这几年连续盈利（利润总额大于零）。' : '');
  $('figures').replaceChildren(...years.map((year, index) => h('tr', { dataset: { field: `figures[${index}]`, errorTarget: 'figures-errors' } },
    h('th', { scope: 'row' }, `${year} 年`),
    ...['revenue', 'profit', 'totalAssets'].map((name) => h('td', {},
      h('input', {
        type: 'text', inputmode: 'decimal', 'aria-label': `${year}年${{ revenue: '主营业务收入', profit: '利润总额', totalAssets: '资产总额' }[name]}`,
        dataset: { field: `figures[${index}].${name}`, errorTarget: 'figures-errors', year: String(year), figure: name },
      }))))));

  $('extra-section').hidden = campaign.fields.length === 0;
  $('extra-fields').replaceChildren(...campaign.fields.map(extraField));

  const maxPackage = formatBytes(campaign.maxPackageSizeBytes);
  $('attachments-hint').textContent = `全部附件合计不超过 ${maxPackage}。上传前请先保存案件；提交时检查必需附件是否齐全。`;
}

function extraField(field) {
  const id = `field-${field.key}`;
  const path = `fields.${field.key}`;
  const label = h('label', { for: id, class: field.required ? 'required' : null }, field.label);
  const range = [field.min != null ? `不小于 ${field.min}` : null, field.max != null ? `不大于 ${field.max}` : null]
    .filter(Boolean).join('，');
  switch (field.type) {
    case 'TABLE':
      return tableField(field);
    case 'CHOICE':
      return h('div', { class: 'field' }, label, h('select', { id, dataset: { field: path } },
        h('option', { value: '' }, '请选择'), ...field.options.map((option) => h('option', { value: option }, option))));
    case 'BOOLEAN':
      return h('div', { class: 'field' }, label, h('select', { id, dataset: { field: path, type: 'boolean' } },
        h('option', { value: '' }, '请选择'), h('option', { value: 'true' }, '是'), h('option', { value: 'false' }, '否')));
    case 'MULTI_CHOICE':
      return h('fieldset', { class: 'field wide', dataset: { field: path, type: 'multi' } },
        h('legend', { class: field.required ? 'required' : null }, field.label),
        h('div', { class: 'choices' }, ...field.options.map((option) => h('label', { class: 'choice' },
          h('input', { type: 'checkbox', value: option }), option))));
    case 'INTEGER':
    case 'DECIMAL':
      return h('div', { class: 'field' }, label,
        h('input', { type: 'text', id, inputmode: field.type === 'INTEGER' ? 'numeric' : 'decimal', dataset: { field: path } }),
        range ? h('p', { class: 'hint' }, range) : null);
    default: {
      const long = field.maxChars != null && field.maxChars > 100;
      const control = long
        ? h('textarea', { id, dataset: { field: path } })
        : h('input', { type: 'text', id, dataset: { field: path } });
      return h('div', { class: long ? 'field wide' : 'field' }, label, control,
        field.maxChars != null ? counterFor(control, field.maxChars) : null);
    }
  }
}

// ---------------------------------------------------------------- statistics tables (TABLE fields)
//
// A table is drawn as the notice prints it: grouped rows (市场占有率 over 2022年, 2023年) and grouped
// columns (主导产品一 over 国内, 国际), a unit column where rows have units, rows the applicant adds
// below the fixed ones. Each cell's data-field is the path the API names it by in an error, e.g.
// fields.economicBenefits[营业收入][2023年], so that a refusal lands on the cell.

const tableName = (item) => (item.group ? `${item.group}（${item.label}）` : item.label);
const freeRowName = (layout, number) => `${layout.rows.length ? '增加的第' : '第'}${number}行`;
const rowHas = (row, column) => !row || !row.columns || row.columns.includes(column.key);
/** A row with a type of its own (product names over columns of figures) replaces the columns' rules. */
const cellRule = (row, column) => (row?.type ? row : column);
const tableHasUnits = (layout) => layout.rows.some((row) => row.unit) || Boolean(layout.freeRows?.unit);
const tableGroupsRows = (layout) => layout.rows.some((row) => row.group);

function cellControl(rule, path, label, errorTarget, columnKey) {
  const dataset = { field: path, errorTarget, column: columnKey, cellType: rule.type };
  if (rule.type === 'CHOICE') {
    return h('select', { 'aria-label': label, dataset },
      h('option', { value: '' }, '请选择'), ...rule.options.map((option) => h('option', { value: option }, option)));
  }
  if (rule.type === 'TEXT' && rule.maxChars > 60) {
    const area = h('textarea', { 'aria-label': label, rows: 3, dataset });
    return [area, counterFor(area, rule.maxChars)];
  }
  const numeric = rule.type === 'INTEGER' || rule.type === 'DECIMAL';
  const range = [rule.min != null ? `不小于 ${rule.min}` : null, rule.max != null ? `不大于 ${rule.max}` : null]
    .filter(Boolean).join('，');
  return h('input', {
    type: 'text', 'aria-label': label, dataset, class: numeric ? 'number' : null,
    inputmode: rule.type === 'INTEGER' ? 'numeric' : rule.type === 'DECIMAL' ? 'decimal' : null,
    title: range || null,
  });
}

/** The cells of one row; a cell extends over the next columns of its group that the row does not have. */
function tableCells(field, row, rowPath, rowLabel, errorTarget) {
  const columns = field.table.columns;
  const cells = [];
  let open = null;
  for (const column of columns) {
    if (!rowHas(row, column)) {
      if (open && column.group && open.group === column.group) {
        open.cell.colSpan += 1;
      } else {
        open = null;
        cells.push(h('td', { class: 'na', 'aria-label': '不填' }));
      }
      continue;
    }
    const name = tableName(column);
    const cell = h('td', {}, cellControl(cellRule(row, column), `${rowPath}[${name}]`, `${rowLabel}·${name}`,
      errorTarget, column.key));
    open = { group: column.group, cell };
    cells.push(cell);
  }
  return cells;
}

function tableHead(layout, freeRows) {
  const columnGroups = layout.columns.some((column) => column.group);
  const span = columnGroups ? 2 : 1;
  const top = [h('th', { scope: 'col', rowspan: span, colspan: tableGroupsRows(layout) ? 2 : 1 }, layout.rowHeader)];
  const second = [];
  if (tableHasUnits(layout)) {
    top.push(h('th', { scope: 'col', rowspan: span }, '单位'));
  }
  layout.columns.forEach((column, index) => {
    const label = h('th', { scope: 'col', class: column.required ? 'required' : null }, column.label);
    if (!column.group) {
      label.rowSpan = span;
      top.push(label);
      return;
    }
    if (layout.columns[index - 1]?.group !== column.group) {
      let width = 1;
      while (layout.columns[index + width]?.group === column.group) {
        width += 1;
      }
      top.push(h('th', { scope: 'colgroup', colspan: width, class: 'group' }, column.group));
    }
    second.push(label);
  });
  if (freeRows) {
    top.push(h('th', { scope: 'col', rowspan: span }, h('span', { class: 'visually-hidden' }, '操作')));
  }
  return h('thead', {}, h('tr', {}, top), second.length ? h('tr', {}, second) : null);
}

function tableField(field) {
  const layout = field.table;
  const path = `fields.${field.key}`;
  const errorTarget = `table-errors-${field.key}`;
  const units = tableHasUnits(layout);
  const grouped = tableGroupsRows(layout);
  const fixed = layout.rows.map((row, index) => {
    const name = tableName(row);
    const rowPath = `${path}[${name}]`;
    const heads = [];
    if (grouped && row.group) {
      if (layout.rows[index - 1]?.group !== row.group) {
        let height = 1;
        while (layout.rows[index + height]?.group === row.group) {
          height += 1;
        }
        heads.push(h('th', { scope: 'rowgroup', rowspan: height }, row.group));
      }
      heads.push(h('th', { scope: 'row', class: row.required ? 'required' : null }, row.label));
    } else {
      heads.push(h('th', { scope: 'row', colspan: grouped ? 2 : 1, class: row.required ? 'required' : null }, row.label));
    }
    return h('tr', { dataset: { field: rowPath, errorTarget, row: row.key } },
      heads, units ? h('td', { class: 'unit' }, row.unit ?? '') : null,
      tableCells(field, row, rowPath, name, errorTarget), layout.freeRows ? h('td') : null);
  });
  const freeBody = h('tbody', { class: 'free-rows' });
  const hint = [];
  let add = null;
  if (layout.freeRows) {
    add = h('button', { type: 'button', class: 'table-add', onclick: () => {
      const rows = collectFreeRows(freeBody);
      rows.push({});
      renderFreeRows(field, freeBody, rows);
      markDirty();
      freeBody.lastElementChild?.querySelector('input, select, textarea')?.focus();
    } }, '增加一行');
    freeBody.addEventListener('freeRowsChanged', () => {
      add.disabled = freeBody.children.length >= layout.freeRows.max;
    });
    hint.push(layout.rows.length
      ? `可增加本行业的其他指标，最多 ${layout.freeRows.max} 行`
      : `最多 ${layout.freeRows.max} 行${layout.freeRows.min ? `，至少填写 ${layout.freeRows.min} 行` : ''}`);
  }
  if (layout.columns.some((column) => column.requiredWhen)) {
    hint.push(...layout.columns.filter((column) => column.requiredWhen).map((column) => {
      const other = layout.columns.find((c) => c.key === column.requiredWhen.column);
      return `${tableName(other ?? column)}选“${column.requiredWhen.equals}”时须填写${tableName(column)}`;
    }));
  }
  hint.push('标 * 的行须填写，填写的行中标 * 的列须填写');
  const element = h('fieldset', { class: 'field wide table-field', dataset: { field: path, type: 'table' } },
    h('legend', { class: field.required ? 'required' : null }, field.label),
    h('div', { class: 'table-scroll' },
      h('table', { class: 'stat-table' }, tableHead(layout, Boolean(layout.freeRows)), h('tbody', {}, fixed), freeBody)),
    add,
    layout.note ? h('p', { class: 'hint' }, layout.note) : null,
    h('p', { class: 'hint' }, hint.join('；')),
    h('div', { id: errorTarget }));
  renderFreeRows(field, freeBody, []);
  return element;
}

/** Draws the added rows afresh, numbered by position: the API names an added row by its number. */
function renderFreeRows(field, body, rows) {
  const layout = field.table;
  const free = layout.freeRows;
  if (!free) {
    return;
  }
  const path = `fields.${field.key}`;
  const errorTarget = `table-errors-${field.key}`;
  const shown = rows.length === 0 && layout.rows.length === 0 ? [{}] : rows;
  body.replaceChildren(...shown.map((values, index) => {
    const name = freeRowName(layout, index + 1);
    const rowPath = `${path}[${name}]`;
    const head = free.label
      ? h('th', { scope: 'row', colspan: tableGroupsRows(layout) ? 2 : 1 },
        h('input', { type: 'text', 'aria-label': `${name}·${free.label}`, placeholder: free.label, maxlength: 50,
          dataset: { field: `${rowPath}[${free.label}]`, errorTarget, part: 'label' } }))
      : h('th', { scope: 'row', colspan: tableGroupsRows(layout) ? 2 : 1, class: 'number' }, String(index + 1));
    const unit = free.unit
      ? h('td', { class: 'unit' }, h('input', { type: 'text', 'aria-label': `${name}·单位`, placeholder: '单位',
        maxlength: 20, dataset: { field: `${rowPath}[单位]`, errorTarget, part: 'unit' } }))
      : tableHasUnits(layout) ? h('td') : null;
    const remove = h('button', { type: 'button', class: 'link table-remove', 'aria-label': `删除${name}`, onclick: () => {
      const current = collectFreeRows(body);
      current.splice(index, 1);
      renderFreeRows(field, body, current);
      markDirty();
    } }, '删除');
    const row = h('tr', { dataset: { field: rowPath, errorTarget, freeRow: String(index) } },
      head, unit, tableCells(field, null, rowPath, name, errorTarget), h('td', {}, remove));
    fillCells(row, values.cells ?? {});
    const label = row.querySelector('[data-part="label"]');
    if (label) {
      label.value = values.label ?? '';
    }
    const unitInput = row.querySelector('[data-part="unit"]');
    if (unitInput) {
      unitInput.value = values.unit ?? '';
    }
    return row;
  }));
  body.dispatchEvent(new Event('freeRowsChanged'));
}

function collectCells(row) {
  const cells = {};
  for (const control of row.querySelectorAll('[data-column]')) {
    const value = trimmed(control.value);
    if (value != null) {
      cells[control.dataset.column] = value;
    }
  }
  return cells;
}

function fillCells(row, cells) {
  for (const control of row.querySelectorAll('[data-column]')) {
    const value = cells[control.dataset.column];
    control.value = value == null ? '' : String(value);
    control.updateCounter?.();
  }
}

/** Every added row as typed, blank ones too, so that numbering stays that of the page. */
function collectFreeRows(body) {
  return [...body.querySelectorAll('tr[data-free-row]')].map((row) => {
    const values = { cells: collectCells(row) };
    const label = trimmed(row.querySelector('[data-part="label"]')?.value);
    const unit = trimmed(row.querySelector('[data-part="unit"]')?.value);
    if (label != null) {
      values.label = label;
    }
    if (unit != null) {
      values.unit = unit;
    }
    return values;
  });
}

/** The table as the API takes it, or null when nothing in it is filled in. */
function collectTable(element) {
  const rows = {};
  for (const row of element.querySelectorAll('tr[data-row]')) {
    const cells = collectCells(row);
    if (Object.keys(cells).length) {
      rows[row.dataset.row] = cells;
    }
  }
  const freeRows = collectFreeRows(element.querySelector('tbody.free-rows'));
  const blank = (row) => !row.label && !row.unit && Object.keys(row.cells).length === 0;
  if (Object.keys(rows).length === 0 && freeRows.every(blank)) {
    return null;
  }
  return { rows, freeRows };
}

function fillTable(definition, element, value) {
  for (const row of element.querySelectorAll('tr[data-row]')) {
    fillCells(row, value?.rows?.[row.dataset.row] ?? {});
  }
  renderFreeRows(definition, element.querySelector('tbody.free-rows'), Array.isArray(value?.freeRows) ? value.freeRows : []);
}

function limitDirections() {
  const boxes = [...$('directions').querySelectorAll('input[type=checkbox]')];
  const full = boxes.filter((box) => box.checked).length >= (state.campaign?.maxDirections ?? Infinity);
  for (const box of boxes) {
    box.disabled = !editable() || (full && !box.checked);
  }
}

// ---------------------------------------------------------------- between the form and the API

const trimmed = (value) => {
  const text = (value ?? '').trim();
  return text === '' ? null : text;
};

/** The form as the API takes it (ApplicationForm); numbers go as typed so the API can name a bad one. */
function collectForm() {
  const field = (path) => document.querySelector(`[data-field="${path}"]`);
  const texts = {};
  for (const control of $('texts').querySelectorAll('[data-field^="texts."]')) {
    const value = trimmed(control.value);
    if (value) {
      texts[control.dataset.field.slice('texts.'.length)] = value;
    }
  }
  const figures = [...$('figures').querySelectorAll('tr')].map((row) => {
    const values = {};
    for (const input of row.querySelectorAll('input')) {
      values[input.dataset.figure] = trimmed(input.value);
      values.year = Number(input.dataset.year);
    }
    return values;
  });
  const fields = {};
  for (const definition of state.campaign?.fields ?? []) {
    const element = field(`fields.${definition.key}`);
    if (definition.type === 'TABLE') {
      const table = collectTable(element);
      if (table) {
        fields[definition.key] = table;
      }
    } else if (definition.type === 'MULTI_CHOICE') {
      const chosen = [...element.querySelectorAll('input:checked')].map((box) => box.value);
      if (chosen.length) {
        fields[definition.key] = chosen;
      }
    } else if (definition.type === 'BOOLEAN') {
      if (element.value) {
        fields[definition.key] = element.value === 'true';
      }
    } else if (trimmed(element.value)) {
      fields[definition.key] = trimmed(element.value);
    }
  }
  return {
    campaign: $('campaign').value,
    unit: $('unit').value,
    enterprise: {
      uscc: trimmed($('uscc').value)?.toUpperCase() ?? '',
      name: trimmed($('enterprise-name').value) ?? '',
      ownershipType: trimmed($('ownership').value),
      industryCode: trimmed($('industry').value),
      employees: trimmed($('employees').value),
      declaredSize: trimmed($('size').value),
      address: trimmed($('address').value),
      postcode: trimmed($('postcode').value),
    },
    directions: [...$('directions').querySelectorAll('input:checked')].map((box) => box.value),
    title: trimmed($('text-title').value),
    texts,
    figures,
    contact: {
      name: trimmed($('contact-name').value),
      department: trimmed($('contact-department').value),
      position: trimmed($('contact-position').value),
      phone: trimmed($('contact-phone').value),
      mobile: trimmed($('contact-mobile').value),
      email: trimmed($('contact-email').value),
    },
    fields,
  };
}

/** The case as the form shows it. */
function fillForm(detail) {
  const text = (value) => (value == null ? '' : String(value));
  const enterprise = detail.enterprise ?? {};
  $('campaign').value = detail.campaign;
  $('unit').value = detail.unit ?? '';
  $('uscc').value = text(enterprise.uscc);
  $('enterprise-name').value = text(enterprise.name);
  $('ownership').value = text(enterprise.ownershipType);
  $('industry').value = text(enterprise.industryCode);
  $('employees').value = text(enterprise.employees);
  $('size').value = text(enterprise.declaredSize);
  $('address').value = text(enterprise.address);
  $('postcode').value = text(enterprise.postcode);
  const chosen = new Set((detail.directions ?? []).map((d) => d.code ?? d));
  for (const box of $('directions').querySelectorAll('input[type=checkbox]')) {
    box.checked = chosen.has(box.value);
  }
  $('text-title').value = text(detail.title);
  for (const control of $('texts').querySelectorAll('[data-field^="texts."]')) {
    control.value = text(detail.texts?.[control.dataset.field.slice('texts.'.length)]);
  }
  for (const control of $('texts').querySelectorAll('input, textarea')) {
    control.updateCounter?.();
  }
  const byYear = new Map((detail.figures ?? []).map((f) => [Number(f.year), f]));
  for (const input of $('figures').querySelectorAll('input')) {
    input.value = text(byYear.get(Number(input.dataset.year))?.[input.dataset.figure]);
  }
  const contact = detail.contact ?? {};
  $('contact-name').value = text(contact.name);
  $('contact-department').value = text(contact.department);
  $('contact-position').value = text(contact.position);
  $('contact-phone').value = text(contact.phone);
  $('contact-mobile').value = text(contact.mobile);
  $('contact-email').value = text(contact.email);
  for (const definition of state.campaign.fields) {
    const element = document.querySelector(`[data-field="fields.${definition.key}"]`);
    const value = detail.fields?.[definition.key];
    if (definition.type === 'TABLE') {
      fillTable(definition, element, value);
    } else if (definition.type === 'MULTI_CHOICE') {
      const values = new Set(Array.isArray(value) ? value : []);
      for (const box of element.querySelectorAll('input')) {
        box.checked = values.has(box.value);
      }
    } else {
      element.value = text(value);
      element.updateCounter?.();
    }
  }
  limitDirections();
}

function editable() {
  const mayEdit = state.me?.roles?.some((role) => role === 'APPLICANT' || role === 'UNIT_STAFF');
  return Boolean(mayEdit) && (!state.detail || STAGES_EDITABLE.has(state.detail.stage));
}

// ---------------------------------------------------------------- the case: facts, attachments, history

function renderCase() {
  const detail = state.detail;
  const isNew = !detail;
  document.title = `${isNew ? '新建申报' : detail.caseNumber} · 质量标杆遴选`;
  $('form-fields').disabled = !editable();
  $('campaign').disabled = !isNew;
  $('uscc').readOnly = !isNew;
  $('uscc-hint').textContent = isNew ? '18位，创建后不能更改' : '创建后不能更改；如填写有误，请撤回本申报后重新申报';

  $('save').textContent = isNew ? '创建草稿' : '保存草稿';
  $('save').hidden = !editable();
  $('submit').hidden = !editable();
  $('withdraw').hidden = isNew || !STAGES_WITHDRAWABLE.has(detail.stage)
    || !state.me.roles.some((role) => role === 'APPLICANT' || role === 'UNIT_STAFF');
  limitDirections();

  $('case-facts').hidden = isNew;
  $('attachments-section').hidden = isNew;
  $('history-section').hidden = isNew;
  if (isNew) {
    return;
  }
  $('case-heading').replaceChildren(`案件 ${detail.caseNumber} `,
    h('span', { class: `stage ${detail.stage}` }, detail.stageLabel ?? STAGE_LABELS[detail.stage]));
  const facts = [
    ['遴选活动', detail.campaignName],
    ['推荐单位', detail.unitName],
    ['企业', `${detail.enterprise?.name ?? ''}（${detail.enterprise?.uscc ?? ''}）`],
    ['登记地', detail.enterprise?.registeredRegionName],
    ['推荐排序', detail.unitRank != null ? `第 ${detail.unitRank} 位` : null],
    ['创建时间', formatInstant(detail.createdAt)],
    ['提交时间', formatInstant(detail.submittedAt)],
    ['最近更新', formatInstant(detail.updatedAt)],
  ].filter(([, value]) => value);
  $('facts').replaceChildren(...facts.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
  $('stage-hint').textContent = stageHint(detail);

  $('industry-hint').textContent = detail.enterprise?.industryName
    ? `${detail.enterprise.industryName}（2至4位数字）` : '2至4位数字，如 3670';
  $('size-hint').textContent = detail.enterprise?.computedSize
    ? `按统计上大中小微型企业划分办法测算为：${SIZE_LABELS[detail.enterprise.computedSize]}` : '';
  if (detail.enterprise?.usccOverridden) {
    $('uscc-hint').textContent += '；此代码按组织单位登记的例外接受';
  }
  renderAttachments();
  renderHistory();
}

function stageHint(detail) {
  const closes = state.campaign?.schedule?.applicationCloses;
  switch (detail.stage) {
    case 'DRAFT':
      return `草稿：可随时保存，保存后可继续修改。填写完整并上传必需附件后，点击“提交申报”报送推荐单位${closes ? `（申报截止 ${closes}）` : ''}。`;
    case 'CORRECTION':
      return '退回补正：请按案件历史中的退回意见修改，并在补正期限内重新提交。';
    case 'WITHDRAWN':
    case 'EXPIRED':
      return `本案件已${detail.stageLabel}，不再参加本次遴选。`;
    default:
      return STAGES_WITHDRAWABLE.has(detail.stage)
        ? '已提交，内容不能再修改。如需退出本次遴选，可点击“撤回申报”并说明原因。'
        : `当前状态：${detail.stageLabel}。`;
  }
}

function renderAttachments() {
  const detail = state.detail;
  const files = detail.attachments ?? [];
  const used = files.reduce((sum, file) => sum + (file.size ?? 0), 0);
  $('attachments').replaceChildren(...state.campaign.attachmentKinds.map((kind) => {
    const mine = files.filter((file) => file.kind === kind.code);
    const canUpload = editable() && (kind.multiple || mine.length === 0);
    const block = h('div', { class: 'attachment-kind', dataset: { field: `attachments.${kind.code}` } },
      h('h3', { class: kind.required ? 'required' : null }, kind.label),
      h('p', { class: 'hint' }, [
        `格式：${kind.extensions.join('、')}`,
        `单个文件不超过 ${formatBytes(kind.maxFileSizeBytes)}`,
        kind.multiple ? '可上传多个文件' : '只能上传一个文件',
        kind.nameMustMatchEnterprise ? `文件名须为企业全称（${detail.enterprise?.name ?? ''}）` : null,
      ].filter(Boolean).join('；')),
      mine.length
        ? h('ul', { class: 'files' }, mine.map((file) => h('li', {},
          h('a', { href: `/api/applications/${detail.id}/attachments/${file.id}` }, file.name),
          h('span', { class: 'size' }, `${formatBytes(file.size)} · ${formatInstant(file.uploadedAt)}`),
          editable() ? h('button', { type: 'button', class: 'link', onclick: () => removeAttachment(file) }, '删除') : null)))
        : h('p', { class: 'muted' }, '尚未上传'));
    if (canUpload) {
      const input = h('input', {
        type: 'file', accept: kind.extensions.map((extension) => `.${extension}`).join(','),
        'aria-label': `选择“${kind.label}”文件`, multiple: kind.multiple,
      });
      const progress = h('progress', { max: 1, value: 0, hidden: true, 'aria-label': '上传进度' });
      const button = h('button', { type: 'button', onclick: () => uploadFiles(kind, input, progress, block, used) }, '上传');
      block.append(h('div', { class: 'upload' }, input, button, progress, h('span', { class: 'muted percent' })));
    }
    return block;
  }));
}

function renderHistory() {
  const history = state.detail.history ?? [];
  $('history').replaceChildren(...(history.length ? history.map((event) => h('tr', {},
    h('td', {}, formatInstant(event.at)),
    h('td', {}, event.actor),
    h('td', {}, event.actionLabel ?? event.action),
    h('td', {}, STAGE_LABELS[event.stage] ?? event.stage ?? ''),
    h('td', {}, [event.outcome ? STAGE_LABELS[event.outcome] ?? event.outcome : null, event.reason].filter(Boolean).join('：'))))
    : [h('tr', {}, h('td', { colspan: 5, class: 'muted' }, '暂无记录'))]));
}

// ---------------------------------------------------------------- actions

async function run(label, action) {
  if (state.busy) {
    return false;
  }
  state.busy = true;
  for (const button of $('actions').querySelectorAll('button')) {
    button.disabled = true;
  }
  setStatus(`${label}…`);
  try {
    await action();
    return true;
  } catch (error) {
    setStatus(`${label}未成功`);
    showErrors(error);
    return false;
  } finally {
    state.busy = false;
    for (const button of $('actions').querySelectorAll('button')) {
      button.disabled = false;
    }
  }
}

/** Numbers the API could not read at all; caught here so that all of them show at once. */
function numberProblems() {
  const problems = [];
  const check = (control, pattern, message) => {
    const value = control.value.trim();
    if (value && !pattern.test(value)) {
      problems.push({ field: control.dataset.field, code: 'format', message });
    }
  };
  const integer = /^-?\d+$/;
  const decimal = /^-?\d+(\.\d+)?$/;
  check($('employees'), integer, '从业人员应为整数（人）');
  for (const input of $('figures').querySelectorAll('input')) {
    check(input, decimal, `${input.getAttribute('aria-label')}应为数字（万元），如 1234.5`);
  }
  for (const input of $('extra-fields').querySelectorAll('[data-cell-type="INTEGER"], [data-cell-type="DECIMAL"]')) {
    const isInteger = input.dataset.cellType === 'INTEGER';
    const table = input.closest('fieldset.table-field')?.querySelector('legend')?.textContent ?? '';
    check(input, isInteger ? integer : decimal,
      `${table}「${input.getAttribute('aria-label')}」应为${isInteger ? '整数' : '数字'}`);
  }
  for (const definition of state.campaign?.fields ?? []) {
    if (definition.type === 'INTEGER' || definition.type === 'DECIMAL') {
      const control = document.querySelector(`[data-field="fields.${definition.key}"]`);
      check(control, definition.type === 'INTEGER' ? integer : decimal,
        `${definition.label}应为${definition.type === 'INTEGER' ? '整数' : '数字'}`);
    }
  }
  return problems;
}

async function save() {
  clearErrors();
  const problems = numberProblems();
  if (problems.length) {
    throw new ApiError(400, { title: '请检查填写的数字', detail: problems[0].message, errors: problems });
  }
  const body = collectForm();
  if (state.detail) {
    state.detail = await api(`/api/applications/${state.detail.id}`, { method: 'PUT', body });
  } else {
    state.detail = await api('/api/applications', {
      method: 'POST', body, headers: { 'Idempotency-Key': state.idempotencyKey },
    });
    history.replaceState(null, '', `edit.html?id=${encodeURIComponent(state.detail.id)}`);
  }
  state.dirty = false;
  fillForm(state.detail);
  renderCase();
  setStatus(`已保存（${formatInstant(state.detail.updatedAt)}）`);
}

$('save').addEventListener('click', () => run('保存', async () => {
  await save();
  notify('已保存草稿。');
}));

$('submit').addEventListener('click', () => run('提交', async () => {
  if (!state.detail || state.dirty) {
    await save();
  }
  clearErrors();
  state.detail = await api(`/api/applications/${state.detail.id}/submit`, { method: 'POST' });
  fillForm(state.detail);
  renderCase();
  setStatus('');
  notify(`已提交申报，案件编号 ${state.detail.caseNumber}，当前状态：${state.detail.stageLabel}。`);
  window.scrollTo({ top: 0, behavior: 'smooth' });
}));

const withdrawDialog = $('withdraw-dialog');
const withdrawReason = $('withdraw-reason');
$('withdraw-counter').replaceWith(counterFor(withdrawReason, 2000));
$('withdraw').addEventListener('click', () => {
  clearErrors(withdrawDialog);
  withdrawDialog.showModal();
  withdrawReason.focus();
});
$('withdraw-cancel').addEventListener('click', () => withdrawDialog.close());
$('withdraw-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors(withdrawDialog);
  const confirm = $('withdraw-confirm');
  confirm.disabled = true;
  try {
    state.detail = await api(`/api/applications/${state.detail.id}/withdraw`, {
      method: 'POST', body: { reason: withdrawReason.value.trim() },
    });
    withdrawDialog.close();
    withdrawReason.value = '';
    state.dirty = false;
    setStatus('');
    fillForm(state.detail);
    renderCase();
    notify(`案件 ${state.detail.caseNumber} 已撤回。`);
  } catch (error) {
    showErrors(error, { scope: withdrawDialog, fallback: $('withdraw-error'), summary: false });
  } finally {
    confirm.disabled = false;
  }
});

/** Checks a file against the kind's rules before it is sent, so a wrong file costs no upload time. */
function localRefusal(kind, file, used) {
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
  if (kind.nameMustMatchEnterprise) {
    const stem = file.name.slice(0, file.name.length - extension.length - 1);
    const expected = state.detail.enterprise?.name;
    if (expected && stem !== expected) {
      return `“${kind.label}”须以申报企业全称命名，应为“${expected}.${extension}”`;
    }
  }
  if (used + file.size > state.campaign.maxPackageSizeBytes) {
    return `全部附件合计不能超过 ${formatBytes(state.campaign.maxPackageSizeBytes)}（已上传 ${formatBytes(used)}）`;
  }
  return null;
}

async function uploadFiles(kind, input, progress, block, usedBefore) {
  clearErrors(block);
  const files = [...input.files];
  if (files.length === 0) {
    placeMessage(block, '请先选择文件');
    return;
  }
  let used = usedBefore;
  for (const file of files) {
    const refusal = localRefusal(kind, file, used);
    if (refusal) {
      placeMessage(block, refusal);
      return;
    }
    used += file.size;
  }
  const buttons = block.querySelectorAll('button, input');
  buttons.forEach((control) => { control.disabled = true; });
  progress.hidden = false;
  let uploaded = 0;
  try {
    for (const [index, file] of files.entries()) {
      const data = new FormData();
      data.append('kind', kind.code);
      data.append('file', file);
      setStatus(`正在上传 ${file.name}（${index + 1}/${files.length}）…`);
      await uploadForm(`/api/applications/${state.detail.id}/attachments`, data, (share) => {
        progress.value = (index + share) / files.length;
        block.querySelector('.percent').textContent = `${Math.round(progress.value * 100)}%`;
      });
      uploaded += 1;
    }
    setStatus(`已上传 ${uploaded} 个文件`);
  } catch (error) {
    setStatus('上传未成功');
    showErrors(error, { scope: block, fallback: block, summary: false });
    const message = block.querySelector('.field-error');
    message?.scrollIntoView({ block: 'center' });
  } finally {
    if (uploaded > 0) {
      await refreshCase(block);
    } else {
      buttons.forEach((control) => { control.disabled = false; });
      progress.hidden = true;
      block.querySelector('.percent').textContent = '';
    }
  }
}

/** Reloads attachments and history after a file change; the form keeps what is being typed. */
async function refreshCase(block) {
  const errors = block ? [...block.querySelectorAll('.field-error')].map((message) => message.textContent) : [];
  try {
    state.detail = await api(`/api/applications/${state.detail.id}`);
    renderCase();
    const kindBlock = block && elementFor(block.dataset.field);
    for (const message of errors) {
      kindBlock?.append(h('p', { class: 'field-error' }, message.replace(/^⚠ /, '')));
    }
  } catch (error) {
    showErrors(error);
  }
}

async function removeAttachment(file) {
  if (!window.confirm(`确定删除附件“${file.name}”吗？`)) {
    return;
  }
  const block = elementFor(`attachments.${file.kind}`);
  clearErrors(block);
  try {
    await api(`/api/applications/${state.detail.id}/attachments/${file.id}`, { method: 'DELETE' });
    setStatus(`已删除 ${file.name}`);
    await refreshCase(null);
  } catch (error) {
    showErrors(error, { scope: block, fallback: block, summary: false });
  }
}

// ---------------------------------------------------------------- start

$('directions').addEventListener('change', limitDirections);
form.addEventListener('input', markDirty);
form.addEventListener('change', markDirty);
form.addEventListener('submit', (event) => event.preventDefault());

async function chooseCampaign(code) {
  const typed = $('text-title') ? collectForm() : null;
  renderCampaign(await api(`/api/campaigns/${encodeURIComponent(code)}`));
  if (typed) {
    // Keep what was typed when another campaign is chosen; fields the new campaign lacks drop out.
    fillForm({ ...typed, campaign: code });
  }
  $('campaign').value = code;
}

async function start() {
  try {
    state.me = await showCurrentUser($('who'));
    const id = new URLSearchParams(location.search).get('id');
    if (id) {
      state.detail = await api(`/api/applications/${encodeURIComponent(id)}`);
      $('campaign').replaceChildren(h('option', { value: state.detail.campaign }, state.detail.campaignName));
      renderCampaign(await api(`/api/campaigns/${encodeURIComponent(state.detail.campaign)}`));
      fillForm(state.detail);
    } else {
      const campaigns = await api('/api/campaigns');
      const today = new Date().toISOString().slice(0, 10);
      $('campaign').replaceChildren(...campaigns.map((c) => h('option', { value: c.code },
        `${c.name}（${c.applicationOpens} 至 ${c.applicationCloses}）`)));
      const open = campaigns.find((c) => c.applicationOpens <= today && today <= c.applicationCloses) ?? campaigns[0];
      if (!open) {
        throw new ApiError(404, { title: '没有遴选活动', detail: '目前没有可以申报的遴选活动。' });
      }
      $('campaign').addEventListener('change', () => chooseCampaign($('campaign').value).catch(showErrors));
      await chooseCampaign(open.code);
    }
    form.hidden = false;
    $('actions').hidden = false;
    renderCase();
    const word = setUpWord({
      detail: () => state.detail,
      campaign: () => state.detail?.campaign ?? ($('campaign').value || null),
      mayImport: () => Boolean(state.me?.roles?.some((role) => role === 'APPLICANT' || role === 'UNIT_STAFF')),
      isDirty: () => state.dirty,
      imported: (detail) => {
        state.detail = detail;
        fillForm(detail);
        renderCase();
        state.dirty = false;
        setStatus('已从 Word 导入');
      },
      showErrors,
      clearErrors,
    });
    $('campaign').addEventListener('change', word.render);
    setStatus(editable() ? '' : '只读：当前状态下不能修改');
  } catch (error) {
    if (state.me === null) {
      $('who').textContent = '未登录';
    }
    showErrors(error);
  }
}

start();
