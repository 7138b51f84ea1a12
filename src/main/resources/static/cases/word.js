// 申报书 Word on the case page: download the case's form (or the campaign's blank one), and read a
// form filled in Word into the draft. The page gives this module what it needs; the import's
// refusals are shown next to their fields the way the page shows any refusal.
import { ApiError, h, uploadForm } from './common.js';

const $ = (id) => document.getElementById(id);

/**
 * @param page.detail      () => the case shown, or null for a new one
 * @param page.campaign    () => the campaign chosen (its code)
 * @param page.mayImport   () => whether the user may change the case now
 * @param page.isDirty     () => whether the page has unsaved changes
 * @param page.imported    (detail) => shows the case as the import left it
 * @param page.showErrors  (error) => shows a refusal next to its fields and as a summary
 * @param page.clearErrors () => removes the messages shown
 */
export function setUpWord(page) {
  const section = $('word-section');
  const input = $('word-file');
  const progress = $('word-progress');
  const result = $('word-result');

  function render() {
    const detail = page.detail();
    const campaign = page.campaign();
    section.hidden = !campaign;
    if (!campaign) {
      return;
    }
    $('word-download').hidden = !detail;
    if (detail) {
      $('word-download').href = `/api/applications/${encodeURIComponent(detail.id)}/application-form.docx`;
    }
    $('word-blank').href = `/api/campaigns/${encodeURIComponent(campaign)}/application-form.docx`;
    const draft = !detail || detail.stage === 'DRAFT';
    $('word-import').hidden = !(page.mayImport() && draft);
    $('word-import-label').textContent = detail ? '从 Word 导入' : '从 Word 新建草稿';
    $('word-hint').textContent = detail && !draft
      ? '只有草稿可以从 Word 导入。'
      : '在 Word 中填写下载的申报书（灰色提示处直接输入，方框单击勾选，表格可在最后插入行），保存为 .docx 后导入。'
        + '留空的栏目保留原有内容；未通过检查的内容逐项列出，不会覆盖原有内容。';
  }

  function listOf(title, items, describe) {
    if (items.length === 0) {
      return null;
    }
    return h('div', {}, h('h3', {}, `${title}（${items.length} 项）`),
      h('ul', {}, ...items.map((item) => h('li', {}, describe(item)))));
  }

  async function importFile() {
    const file = input.files[0];
    if (!file) {
      result.replaceChildren(h('p', { class: 'field-error' }, '请先选择填写好的申报书文件（.docx）'));
      return;
    }
    if (!file.name.toLowerCase().endsWith('.docx')) {
      result.replaceChildren(h('p', { class: 'field-error' },
        `“${file.name}”不是 .docx 文件；旧版 .doc 请在 Word 中另存为 .docx 后再导入`));
      return;
    }
    if (page.isDirty() && !window.confirm('页面上有未保存的修改，导入后将显示导入后的内容。继续导入吗？')) {
      return;
    }
    const detail = page.detail();
    const data = new FormData();
    data.append('file', file);
    page.clearErrors();
    result.replaceChildren(h('p', { class: 'muted' }, '正在上传并读取申报书…'));
    progress.hidden = false;
    progress.value = 0;
    $('word-import-button').disabled = true;
    try {
      const report = await uploadForm(detail ? `/api/applications/${encodeURIComponent(detail.id)}/application-form`
        : '/api/application-forms', data, (share) => {
        progress.value = share;
        if (share >= 1) {
          result.replaceChildren(h('p', { class: 'muted' }, '已上传，正在逐项检查…'));
        }
      });
      if (!detail) {
        window.location.href = `edit.html?id=${encodeURIComponent(report.application.id)}`;
        return;
      }
      page.imported(report.application);
      result.replaceChildren(...[
        h('p', {}, `已导入 ${report.filled.length} 项${report.refused.length ? `，${report.refused.length} 项未导入（原有内容保留）` : ''}。`),
        listOf('未导入的内容', report.refused, (r) => `${r.label}：“${r.value}”——${r.message}`),
        listOf('文件中无法读取的部分', report.notes, (note) => note),
        listOf('已导入的内容', report.filled, (f) => `${f.label}：${f.value.length > 40 ? `${f.value.slice(0, 40)}…` : f.value}`),
      ].filter(Boolean));
      if (report.refused.length > 0) {
        page.showErrors(new ApiError(422, {
          title: 'Word 申报书中以下内容未导入',
          errors: report.refused.map((r) => ({ field: r.field, code: 'word.refused', message: `${r.message}（文件中为“${r.value}”，未导入）` })),
        }));
      }
    } catch (error) {
      result.replaceChildren(h('p', { class: 'field-error' }, error.message));
      page.showErrors(error);
    } finally {
      progress.hidden = true;
      $('word-import-button').disabled = false;
      input.value = '';
    }
  }

  $('word-import-button').addEventListener('click', importFile);
  render();
  return { render };
}
