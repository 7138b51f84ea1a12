// Downloads a generated Excel file through fetch, so that a refusal (no right, nothing published yet)
// shows as a message on the page instead of replacing it, and the file keeps the Chinese name the
// server gives it (Content-Disposition filename*, RFC 5987).

const REFUSALS = {
  403: '您没有下载此文件的权限。',
  404: '要下载的内容不存在，或您无权查看。',
  409: '此文件暂时还不能生成。',
};

function fileNameOf(response, fallback) {
  const disposition = response.headers.get('Content-Disposition') || '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) {
    return decodeURIComponent(encoded[1]);
  }
  const plain = /filename="([^"]+)"/i.exec(disposition);
  return plain ? plain[1] : fallback;
}

/**
 * Fetches the file and hands it to the browser; reports progress and refusals in {@code status}.
 * Resolves to true when the file was saved.
 */
export async function downloadFile(path, status, label) {
  status.textContent = `正在生成“${label}”…`;
  status.classList.remove('field-error');
  let response;
  try {
    response = await fetch(path, { credentials: 'same-origin' });
  } catch {
    status.textContent = '无法连接服务器，请检查网络后重试。';
    status.classList.add('field-error');
    return false;
  }
  if (!response.ok) {
    let detail = REFUSALS[response.status] || `服务器返回错误（${response.status}），请稍后重试。`;
    try {
      const problem = await response.json();
      detail = problem.detail || detail;
    } catch {
      // The fallback message stands.
    }
    status.textContent = `未能下载“${label}”：${detail}`;
    status.classList.add('field-error');
    return false;
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response, `${label}.xlsx`);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
  status.textContent = `已下载“${link.download}”。`;
  return true;
}

/** The path of a unit's summary table (推荐汇总表) in a campaign. */
export function summaryTablePath(campaign, unit) {
  return `/api/campaigns/${encodeURIComponent(campaign)}/exports/summary-tables/${encodeURIComponent(unit)}`;
}
