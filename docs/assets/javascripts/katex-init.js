// 用本站自带的 KaTeX 渲染公式。只有含公式的页面才加载这个脚本和 KaTeX（见 overrides/main.html）。
//
// 公式元素都是 .arithmatex：章节页由 pymdownx.arithmatex（generic）生成，Notebook 页由
// hooks/site.py 从 $…$ 转换而来；钩子已去掉定界符，元素的文字就是 TeX 源码，span 是行内公式，
// div 是独立成行的公式。脚本放在正文末尾：首次打开时正文已解析完；即时导航换页时
// Material 会重新执行正文里的脚本，所以不需要订阅 document$。
(function () {
  "use strict";
  document.querySelectorAll(".arithmatex:not([data-ptn-math])").forEach(function (el) {
    var tex = el.textContent.trim()
      .replace(/^\\\(([\s\S]*)\\\)$/, "$1")
      .replace(/^\\\[([\s\S]*)\\\]$/, "$1");
    el.setAttribute("data-ptn-math", "");
    // 屏幕阅读器读 KaTeX 生成的 MathML；源码留在 aria-label 之外
    katex.render(tex, el, { displayMode: el.tagName === "DIV", throwOnError: false });
  });
})();
