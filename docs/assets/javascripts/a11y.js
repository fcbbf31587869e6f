// 无障碍的小修补（issue 8）：Material 生成的元素缺少的名称，以及可滚动区域的键盘访问。
(function () {
  "use strict";

  var SCROLLABLE = ".md-typeset pre > code, .jupyter-wrapper .highlight-ipynb";

  function label(selector, text) {
    document.querySelectorAll(selector).forEach(function (el) {
      if (!el.hasAttribute("aria-label")) el.setAttribute("aria-label", text);
    });
  }

  // 横向可滚动的代码块要能用键盘把焦点移进去再用方向键滚动。Material 只在有鼠标的设备上、
  // 并且只在代码块进入视口后才加 tabindex（触屏设备上还会去掉），这里对所有可滚动的代码块补上。
  function focusable(el) {
    if (el.scrollWidth > el.clientWidth && !el.hasAttribute("tabindex")) el.setAttribute("tabindex", "0");
  }

  function apply() {
    label(".md-search[role=dialog]", "搜索"); // 搜索弹层是 role="dialog"，需要一个名字
    document.querySelectorAll(SCROLLABLE).forEach(focusable);
  }

  var observer = new MutationObserver(function (records) {
    records.forEach(function (r) {
      if (r.target.matches && r.target.matches(SCROLLABLE)) focusable(r.target);
    });
  });
  observer.observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: ["tabindex"] });
  // 折叠块展开、内容标签页切换后，里面的代码块才有宽度
  document.addEventListener("toggle", apply, true);
  document.addEventListener("change", apply, true);
  window.addEventListener("resize", apply);

  if (typeof document$ !== "undefined") document$.subscribe(apply);
  else document.addEventListener("DOMContentLoaded", apply);
})();
