// Shared by the case pages: calls to /api and small display helpers.
//
// The API takes HTTP Basic credentials on every request. The browser asks for them itself the
// first time /api answers 401 with "WWW-Authenticate: Basic", then sends them with every later
// request of this tab, so the pages never see or store a password.

export const STAGES_EDITABLE = new Set(['DRAFT', 'CORRECTION']);
export const STAGES_WITHDRAWABLE = new Set(['DRAFT', 'SUBMITTED', 'CORRECTION', 'PROPOSED', 'FORMAL_REVIEW',
  'MATERIAL_REVIEW', 'DEFENSE', 'SITE_VISIT', 'SHORTLISTED']);

/** A refused or failed call, with the problem details the API sent (title, detail, errors). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `请求失败（${status}）`);
    this.status = status;
    this.title = problem.title || '请求未成功';
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
    // A refused deployment lists every problem of its models (file, element, message).
    this.problems = Array.isArray(problem.problems) ? problem.problems : null;
  }
}

const FALLBACK_PROBLEMS = {
  0: { title: '无法连接服务器', detail: '网络连接失败，请检查网络后重试。您填写的内容仍保留在页面上。' },
  401: { title: '需要登录', detail: '请刷新页面，在浏览器弹出的登录框中输入用户名和密码。' },
  403: { title: '无权操作', detail: '您没有执行此操作的权限。' },
  404: { title: '未找到', detail: '要找的内容不存在，或您无权查看。' },
  413: { title: '文件过大', detail: '上传的文件超过系统上限。' },
};

function problemOf(status, body) {
  const fallback = FALLBACK_PROBLEMS[status] || { title: `服务器返回错误（${status}）`, detail: '请稍后重试。' };
  if (body && typeof body === 'object') {
    return { ...fallback, ...body, detail: status === 401 ? fallback.detail : (body.detail || fallback.detail) };
  }
  return fallback;
}

function parse(text) {
  if (!text) {
    return null;
  }
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Calls the API; resolves with the parsed body, rejects with an ApiError. */
export async function api(path, { method = 'GET', body, headers = {} } = {}) {
  const init = {
    method,
    credentials: 'same-origin',
    headers: { Accept: 'application/json, application/problem+json', ...headers },
  };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, FALLBACK_PROBLEMS[0]);
  }
  const data = parse(await response.text());
  if (!response.ok) {
    throw new ApiError(response.status, problemOf(response.status, data));
  }
  return data;
}

/**
 * Sends a multipart form with XMLHttpRequest, which (unlike fetch) reports upload progress.
 * Same origin, so the browser adds the Basic credentials it holds.
 */
export function uploadForm(path, formData, onProgress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.setRequestHeader('Accept', 'application/json, application/problem+json');
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) {
        onProgress(event.loaded / event.total);
      }
    });
    request.addEventListener('load', () => {
      const data = parse(request.responseText);
      if (request.status >= 200 && request.status < 300) {
        resolve(data);
      } else {
        reject(new ApiError(request.status, problemOf(request.status, data)));
      }
    });
    request.addEventListener('error', () => reject(new ApiError(0, FALLBACK_PROBLEMS[0])));
    request.send(formData);
  });
}

/** Creates an element; text children become text nodes, never HTML. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, value);
    }
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) {
      element.append(child instanceof Node ? child : String(child));
    }
  }
  return element;
}

const DATE_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
});

/** An instant from the API as Beijing time, e.g. 2022/06/20 09:00. */
export function formatInstant(value) {
  return value ? DATE_TIME.format(new Date(value)) : '';
}

/** A byte count as people read it: 820 KB, 20 MB, 1 GB. */
export function formatBytes(bytes) {
  if (bytes == null) {
    return '';
  }
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || Number.isInteger(value) ? 0 : 1;
  return `${value.toFixed(digits)} ${units[unit]}`;
}

/** Counts characters as the word limits do: every character once, white space not at all. */
export function textLength(text) {
  let count = 0;
  for (const character of text ?? '') {
    if (!/\s/u.test(character)) {
      count += 1;
    }
  }
  return count;
}

/** The signed-in user, shown in the header; null while nobody has signed in. */
export async function showCurrentUser(target) {
  const me = await api('/api/me');
  target.textContent = `当前用户：${me.name || me.id}（${me.id}）`;
  return me;
}
