// 用本站自带的 KaTeX 渲染 pymdownx.arithmatex（generic 模式）输出的公式。
// 配合 navigation.instant：每次页面切换后都重新渲染。
document$.subscribe(() => {
  for (const el of document.querySelectorAll(".arithmatex")) {
    renderMathInElement(el, {
      delimiters: [
        { left: "$$", right: "$$", display: true },
        { left: "$", right: "$", display: false },
        { left: "\\(", right: "\\)", display: false },
        { left: "\\[", right: "\\]", display: true },
      ],
      throwOnError: false,
    });
  }
});
