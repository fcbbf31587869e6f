// 学习进度、章节目标与笔记：全部保存在读者自己浏览器的 localStorage 里，不上传任何地方。
//
// 页面上的标记由 hooks/site.py 生成：
//   [data-ptn-group="obj:02-tensors"]  一组学习目标（里面是任务列表的复选框）
//   [data-ptn-done="02-tensors"]       “本章已完成”复选框
//   [data-ptn-bar="obj:02-tensors"]    某组的进度条；"all" 是总进度
//   [data-ptn-notes="02-tensors"]      章节笔记区
//   #ptn-tools / #ptn-custom           进度页上的导入导出工具与自定义条目
(function () {
  "use strict";

  var STORAGE_KEY = "ptnotes:progress";
  var SCHEMA = "ptnotes-progress";
  var VERSION = 1;

  function emptyState() {
    return { schema: SCHEMA, version: VERSION, checks: {}, done: {}, custom: [], notes: {} };
  }

  // 校验一份进度数据；返回错误说明（中文），合法时返回 null
  function validate(data) {
    if (data === null || typeof data !== "object" || Array.isArray(data)) return "内容不是一个 JSON 对象";
    if (data.schema !== SCHEMA) return "不是本站导出的学习进度文件（schema 不是 " + SCHEMA + "）";
    if (data.version !== VERSION) return "文件版本是 " + data.version + "，本站只认版本 " + VERSION;
    var isMap = function (v, type) {
      if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
      return Object.keys(v).every(function (k) { return typeof v[k] === type; });
    };
    if (!isMap(data.checks, "boolean")) return "checks 字段应是“条目 → true/false”的对象";
    if (!isMap(data.done, "boolean")) return "done 字段应是“章节 → true/false”的对象";
    if (!isMap(data.notes, "string")) return "notes 字段应是“章节 → 文本”的对象";
    if (!Array.isArray(data.custom)) return "custom 字段应是数组";
    for (var i = 0; i < data.custom.length; i++) {
      var c = data.custom[i];
      if (!c || typeof c.id !== "string" || typeof c.text !== "string" || typeof c.done !== "boolean") {
        return "custom 第 " + (i + 1) + " 项应包含 id、text、done";
      }
    }
    return null;
  }

  // 读取本地数据：{state, problem}；problem 非空表示本地数据损坏或来自旧版本
  function load() {
    var raw;
    try {
      raw = window.localStorage.getItem(STORAGE_KEY);
    } catch (e) {
      return { state: emptyState(), problem: "浏览器不允许访问本地存储，进度不会被保存。" };
    }
    if (raw === null) return { state: emptyState(), problem: null };
    var data;
    try {
      data = JSON.parse(raw);
    } catch (e) {
      return { state: emptyState(), problem: "本地保存的学习进度已损坏（不是合法的 JSON）。", raw: raw };
    }
    var error = validate(data);
    if (error) {
      return { state: emptyState(), problem: "本地保存的学习进度无法读取：" + error + "。", raw: raw };
    }
    return { state: data, problem: null };
  }

  var loaded = load();
  var state = loaded.state;

  function save() {
    if (loaded.problem) return; // 不覆盖读者还没决定如何处理的旧数据
    state.updated = new Date().toISOString();
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
    } catch (e) {
      /* 存储已满或被禁用：界面照常工作，只是不持久 */
    }
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function itemKey(group, checkbox) {
    var li = checkbox.closest("li");
    var text = (li ? li.textContent : "").replace(/\s+/g, " ").trim();
    return group + ":" + text;
  }

  function download(name, type, content) {
    var blob = new Blob([content], { type: type });
    var a = el("a", { href: URL.createObjectURL(blob), download: name });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  }

  // ---- 复选框 -------------------------------------------------------------

  function bindGroups(root) {
    root.querySelectorAll("[data-ptn-group]").forEach(function (group) {
      var name = group.getAttribute("data-ptn-group");
      group.querySelectorAll("input[type=checkbox]").forEach(function (box) {
        var key = itemKey(name, box);
        box.disabled = false;
        box.removeAttribute("disabled");
        box.setAttribute("data-ptn-key", key);
        box.checked = !!state.checks[key];
        if (box.hasAttribute("data-ptn-bound")) return; // 重新绑定（如导入后）只同步状态
        box.setAttribute("data-ptn-bound", "");
        box.addEventListener("change", function () {
          if (box.checked) state.checks[key] = true;
          else delete state.checks[key];
          save();
          refresh(root);
        });
      });
    });
    root.querySelectorAll("input[data-ptn-done]").forEach(function (box) {
      var chapter = box.getAttribute("data-ptn-done");
      box.checked = !!state.done[chapter];
      if (box.hasAttribute("data-ptn-bound")) return;
      box.setAttribute("data-ptn-bound", "");
      box.addEventListener("change", function () {
        if (box.checked) state.done[chapter] = true;
        else delete state.done[chapter];
        save();
        refresh(root);
      });
    });
  }

  function refresh(root) {
    root.querySelectorAll("[data-ptn-bar]").forEach(function (bar) {
      var name = bar.getAttribute("data-ptn-bar");
      var boxes = name === "all"
        ? root.querySelectorAll("[data-ptn-group] input[type=checkbox], #ptn-custom input[type=checkbox]")
        : root.querySelectorAll('[data-ptn-group="' + name + '"] input[type=checkbox]');
      var total = boxes.length;
      var checked = Array.prototype.filter.call(boxes, function (b) { return b.checked; }).length;
      var percent = total ? Math.round((checked / total) * 100) : 0;
      bar.innerHTML = "";
      var label = name === "all" ? "总体学习进度" : name === "milestone" ? "里程碑完成度" : "学习目标完成度";
      var track = el("div", { class: "ptn-bar__track", role: "progressbar", "aria-label": label,
        "aria-valuemin": "0", "aria-valuemax": "100", "aria-valuenow": String(percent),
        "aria-valuetext": checked + " / " + total });
      var fill = el("div", { class: "ptn-bar__fill" });
      fill.style.width = percent + "%";
      track.appendChild(fill);
      bar.appendChild(track);
      bar.appendChild(el("span", { class: "ptn-bar__label" }, checked + " / " + total + "（" + percent + "%）"));
    });
    root.querySelectorAll("[data-ptn-done-badge]").forEach(function (badge) {
      badge.textContent = state.done[badge.getAttribute("data-ptn-done-badge")] ? "本章已完成" : "";
    });
  }

  // ---- 自定义条目 ---------------------------------------------------------

  function renderCustom(root) {
    var box = root.querySelector("#ptn-custom");
    if (!box) return;
    box.innerHTML = "";
    var list = el("ul", { class: "ptn-custom__list" });
    state.custom.forEach(function (item) {
      var li = el("li", { class: "ptn-custom__item", "data-ptn-custom-id": item.id });
      var check = el("input", { type: "checkbox", "aria-label": "完成：" + item.text });
      check.checked = item.done;
      check.addEventListener("change", function () { item.done = check.checked; save(); refresh(root); });
      var text = el("input", { type: "text", class: "ptn-custom__text", value: item.text, "aria-label": "条目内容" });
      text.addEventListener("change", function () {
        var value = text.value.trim();
        if (value) { item.text = value; save(); } else { text.value = item.text; }
      });
      var remove = el("button", { type: "button", class: "md-button ptn-custom__delete" }, "删除");
      remove.addEventListener("click", function () {
        state.custom = state.custom.filter(function (c) { return c.id !== item.id; });
        save();
        renderCustom(root);
      });
      li.append(check, text, remove);
      list.appendChild(li);
    });
    var form = el("form", { class: "ptn-custom__form" });
    var input = el("input", { type: "text", class: "ptn-custom__new", placeholder: "添加一条自己的学习计划，例如：复现一篇论文" });
    var add = el("button", { type: "submit", class: "md-button md-button--primary" }, "添加");
    form.append(input, add);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var value = input.value.trim();
      if (!value) return;
      state.custom.push({ id: "c" + Date.now().toString(36) + Math.random().toString(36).slice(2, 6), text: value, done: false });
      save();
      renderCustom(root);
    });
    box.append(list, form);
    refresh(root);
  }

  // ---- 导入导出 -----------------------------------------------------------

  function chapterTitles(root) {
    var titles = {};
    root.querySelectorAll("[data-ptn-title]").forEach(function (n) {
      titles[n.getAttribute("data-ptn-title")] = n.textContent.trim();
    });
    return titles;
  }

  function toMarkdown(root) {
    var lines = ["# 我的 PyTorch 学习进度", "", "导出时间：" + new Date().toLocaleString("zh-CN"), ""];
    var titles = chapterTitles(root);
    root.querySelectorAll("[data-ptn-group]").forEach(function (group) {
      var name = group.getAttribute("data-ptn-group");
      var heading = name === "milestone" ? "里程碑" : (titles[name.slice(4)] || name.slice(4));
      var chapter = name.slice(4);
      lines.push("## " + heading + (state.done[chapter] ? "（本章已完成）" : ""), "");
      group.querySelectorAll("input[type=checkbox]").forEach(function (box) {
        var li = box.closest("li");
        lines.push("- [" + (box.checked ? "x" : " ") + "] " + (li ? li.textContent.replace(/\s+/g, " ").trim() : ""));
      });
      lines.push("");
    });
    if (state.custom.length) {
      lines.push("## 我的条目", "");
      state.custom.forEach(function (c) { lines.push("- [" + (c.done ? "x" : " ") + "] " + c.text); });
      lines.push("");
    }
    var noted = Object.keys(state.notes).filter(function (k) { return state.notes[k].trim(); });
    if (noted.length) {
      lines.push("## 笔记", "");
      noted.forEach(function (k) { lines.push("### " + (titles[k] || k), "", state.notes[k].trim(), ""); });
    }
    return lines.join("\n");
  }

  function message(root, text, kind) {
    var box = root.querySelector("#ptn-message");
    if (!box) return;
    box.className = "admonition " + kind;
    box.innerHTML = "";
    box.appendChild(el("p", {}, text));
    box.hidden = false;
  }

  function renderTools(root) {
    var tools = root.querySelector("#ptn-tools");
    if (!tools) return;
    tools.innerHTML = "";
    var exportJson = el("button", { type: "button", class: "md-button", "data-ptn-action": "export-json" }, "导出为 JSON");
    var exportMd = el("button", { type: "button", class: "md-button", "data-ptn-action": "export-md" }, "导出为 Markdown");
    var importLabel = el("label", { class: "md-button", "data-ptn-action": "import" }, "从 JSON 导入");
    var file = el("input", { type: "file", accept: "application/json,.json", hidden: "" });
    importLabel.appendChild(file);
    var reset = el("button", { type: "button", class: "md-button", "data-ptn-action": "reset" }, "清除全部进度");
    exportJson.addEventListener("click", function () {
      download("pytorch-notes-progress.json", "application/json", JSON.stringify(state, null, 2));
    });
    exportMd.addEventListener("click", function () {
      download("pytorch-notes-progress.md", "text/markdown", toMarkdown(root));
    });
    file.addEventListener("change", function () {
      var f = file.files && file.files[0];
      if (!f) return;
      var reader = new FileReader();
      reader.onload = function () {
        var data;
        try {
          data = JSON.parse(String(reader.result));
        } catch (e) {
          message(root, "导入失败：文件不是合法的 JSON。当前进度没有任何改动。", "failure");
          return;
        }
        var error = validate(data);
        if (error) {
          message(root, "导入失败：" + error + "。当前进度没有任何改动。", "failure");
          return;
        }
        state = data;
        loaded = { state: data, problem: null };
        save();
        message(root, "导入成功。", "success");
        rebind(root);
      };
      reader.readAsText(f);
      file.value = "";
    });
    reset.addEventListener("click", function () {
      if (!window.confirm("确定清除全部学习进度、自定义条目和笔记吗？此操作无法撤销。")) return;
      resetAll(root);
      message(root, "已清除全部进度。", "info");
    });
    tools.append(exportJson, exportMd, importLabel, reset);
  }

  function resetAll(root) {
    state = emptyState();
    loaded = { state: state, problem: null };
    save();
    rebind(root);
  }

  // ---- 笔记 ---------------------------------------------------------------

  function renderNotes(root) {
    root.querySelectorAll("[data-ptn-notes]").forEach(function (box) {
      var chapter = box.getAttribute("data-ptn-notes");
      box.innerHTML = "";
      var area = el("textarea", { class: "ptn-notes__area", rows: "8",
        placeholder: "在这里写下你的笔记。内容随输入自动保存在本浏览器中，可在“学习进度与 TODO”页导出。",
        "aria-label": "本章笔记" });
      area.value = state.notes[chapter] || "";
      var status = el("p", { class: "ptn-notes__status" }, area.value ? "已保存" : "");
      var timer = null;
      area.addEventListener("input", function () {
        status.textContent = "正在保存…";
        clearTimeout(timer);
        timer = setTimeout(function () {
          if (area.value) state.notes[chapter] = area.value;
          else delete state.notes[chapter];
          save();
          status.textContent = "已保存";
        }, 300);
      });
      box.append(area, status);
    });
  }

  // ---- 损坏数据提示 -------------------------------------------------------

  function renderProblem(root) {
    var old = root.querySelector(".ptn-problem");
    if (old) old.remove();
    if (!loaded.problem) return;
    var article = root.querySelector("article") || root.body;
    var box = el("div", { class: "admonition warning ptn-problem", role: "alert" });
    box.appendChild(el("p", { class: "admonition-title" }, "学习进度无法读取"));
    box.appendChild(el("p", {}, loaded.problem + "页面照常可用；在你决定之前，新的勾选不会覆盖旧数据。"));
    var actions = el("p", {});
    if (loaded.raw) {
      var keep = el("button", { type: "button", class: "md-button" }, "下载原始数据");
      keep.addEventListener("click", function () { download("pytorch-notes-progress-raw.txt", "text/plain", loaded.raw); });
      actions.appendChild(keep);
    }
    var reset = el("button", { type: "button", class: "md-button md-button--primary", "data-ptn-action": "reset-corrupt" }, "重置学习进度");
    reset.addEventListener("click", function () { resetAll(root); });
    actions.appendChild(reset);
    box.appendChild(actions);
    article.insertBefore(box, article.firstChild);
  }

  function rebind(root) {
    bindGroups(root);
    renderCustom(root);
    renderNotes(root);
    renderProblem(root);
    refresh(root);
  }

  function init() {
    loaded = load();
    state = loaded.state;
    rebind(document);
    renderTools(document);
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(init); // Material 的即时导航：每次换页都重新绑定
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
