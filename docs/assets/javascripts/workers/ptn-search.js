// 本站的搜索工作线程：包在 Material 自带的工作线程外面，只做三件事。
//
// 1. 中文查询分词。索引在构建时由 jieba 分词（词与词之间是零宽空格），而读者输入的查询是
//    一整串汉字。这里用索引自己的词表做最少切分（词表里没有的部分交给浏览器的
//    Intl.Segmenter），让查询里的词和索引里的词一致：“权重衰减”→“权重 衰减”。
//    Material 自带的实验性切分只看词表里的前缀，遇到单字词（如“显”）会把“显存”切坏，
//    所以每个多字词在第一个字后面加一个反斜杠：它是 Lunr 查询语法的转义符，Lunr 解析时会
//    去掉，而 Material 的切分看到的是单个汉字，不再改动。
// 2. 全文按需加载。search/search_index.json 只有配置（含全文地址 ptn_index，见 hooks/site.py），
//    读者第一次输入查询时才下载全文并建立索引，页面首次打开不再下载整个索引。
// 3. 整串命中优先：查询里连续的一串汉字（如“梯度消失”）在某一节里原样出现时，这一节排到
//    只分别出现“梯度”“消失”的小节前面。
// 4. 结果里的零宽空格去掉：它们只是索引的分词记号，不应出现在标题与预览里，复制时也不应带上。
//
// 消息格式与 Material 9.8 的 SearchMessage 相同：0 SETUP、1 READY、2 QUERY、3 RESULT。
(function () {
  "use strict";

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var HAN_RUN = /\p{sc=Han}+/gu;
  var MAX_WORD = 8;

  // ---- 载入 Material 的工作线程，但把它的消息处理函数留给我们调用 ----------------------
  var material = null;
  var nativeAdd = self.addEventListener.bind(self);
  self.addEventListener = function (type, listener, options) {
    if (type === "message" && material === null) {
      material = listener;
      return;
    }
    nativeAdd(type, listener, options);
  };
  var materialScript = new URL(self.location.href).searchParams.get("material");
  importScripts(materialScript);
  self.addEventListener = nativeAdd;

  var nativePost = self.postMessage.bind(self);
  var swallowReady = false;
  var capture = null; // 正在处理的查询：Material 的结果先交给它加工
  self.postMessage = function (message) {
    if (message && message.type === READY && swallowReady) return; // 页面早已收到过 READY
    if (message && message.type === RESULT && capture) {
      capture(message.data);
      return;
    }
    nativePost(message);
  };

  // ---- 零宽空格 -------------------------------------------------------------------------
  function strip(value) {
    return typeof value === "string" ? value.replace(/\u200b/g, "") : value;
  }

  function clean(result) {
    if (!result) return;
    (result.items || []).forEach(function (group) {
      group.forEach(function (item) {
        item.title = strip(item.title);
        item.text = strip(item.text);
        if (item.parent) {
          item.parent.title = strip(item.parent.title);
          item.parent.text = strip(item.parent.text);
        }
      });
    });
    if (result.suggest) result.suggest = result.suggest.map(strip);
  }

  // ---- 整串命中优先 -----------------------------------------------------------------------
  var plain = new Map(); // 小节地址 → 去掉标签与零宽空格的标题和正文

  function rerank(result, query) {
    var phrases = (query.match(HAN_RUN) || []).filter(function (p) { return p.length > 1; });
    if (!phrases.length || !result || !result.items) return;
    // 标题命中的权重是正文的一千倍，只“加倍”压不过只在标题里出现半个词的小节；
    // 所以整串命中的小节一律排在没有整串命中的小节之前，彼此之间仍按原来的得分
    var top = 0;
    result.items.forEach(function (group) {
      group.forEach(function (item) { top = Math.max(top, item.score); });
    });
    var groups = result.items.map(function (group) {
      group.forEach(function (item) {
        var text = plain.get(item.location) || "";
        if (phrases.some(function (p) { return text.indexOf(p) !== -1; })) item.score += top;
      });
      group.sort(function (a, b) { return b.score - a.score; });
      return group;
    });
    groups.sort(function (a, b) { return b[0].score - a[0].score; });
    result.items = groups;
  }

  // ---- 词表与分词 -----------------------------------------------------------------------
  var vocabulary = new Set();

  function buildVocabulary(docs) {
    docs.forEach(function (doc) {
      plain.set(doc.location, strip(((doc.title || "") + " " + (doc.text || "")).replace(/<[^>]+>/g, "")));
      [doc.title, doc.text].forEach(function (field) {
        var words = typeof field === "string" ? field.match(HAN_RUN) : null;
        if (words) words.forEach(function (w) { vocabulary.add(w); });
      });
    });
  }

  var segmenter = null;
  try {
    segmenter = new Intl.Segmenter("zh", { granularity: "word" });
  } catch (e) {
    segmenter = null; // 没有 Intl.Segmenter 的浏览器：词表之外的部分逐字切分
  }

  // 把一串汉字切成词：代价最小的切分。词表里的多字词代价 1，浏览器分出的词 1.5，单字 2，
  // 所以优先用索引里真实出现过的词，其次才是浏览器的词典。
  function segment(run) {
    var cuts = {};
    if (segmenter) {
      for (var part of segmenter.segment(run)) cuts[part.index + ":" + (part.index + part.segment.length)] = true;
    }
    var n = run.length;
    var best = [0], from = [0];
    for (var j = 1; j <= n; j++) {
      best[j] = Infinity;
      for (var i = Math.max(0, j - MAX_WORD); i < j; i++) {
        if (best[i] === Infinity) continue;
        var word = run.slice(i, j);
        var cost;
        if (j - i > 1 && vocabulary.has(word)) cost = 1;
        else if (j - i > 1 && cuts[i + ":" + j]) cost = 1.5;
        else if (j - i === 1) cost = 2;
        else continue;
        if (best[i] + cost < best[j]) {
          best[j] = best[i] + cost;
          from[j] = i;
        }
      }
    }
    var words = [];
    for (var k = n; k > 0; k = from[k]) words.unshift(run.slice(from[k], k));
    return words;
  }

  // 查询里的每一串汉字换成用空格隔开的词；拉丁字母、数字、引号、+/- 等保持原样
  function transform(query) {
    return query
      .replace(HAN_RUN, function (run) {
        return " " + segment(run).map(function (word) {
          return word.length > 1 ? word[0] + "\\" + word.slice(1) : word;
        }).join(" ") + " ";
      })
      .replace(/\s+/g, " ")
      .trim();
  }
  self.ptnSegment = segment; // 供调试：在工作线程的控制台里试分词
  self.ptnTransform = transform;

  // ---- 按需加载全文 ---------------------------------------------------------------------
  var setup = null;  // 页面发来的 SETUP 数据（占位索引：配置 + 全文地址）
  var loading = null;

  function load() {
    if (loading) return loading;
    loading = (setup.docs && setup.docs.length
      ? Promise.resolve(setup)
      : fetch(new URL("../../../" + setup.ptn_index, self.location.href)).then(function (response) {
        if (!response.ok) throw new Error("搜索索引下载失败：" + response.status);
        return response.json();
      })
    ).then(function (index) {
      buildVocabulary(index.docs);
      swallowReady = true;
      return material({ data: { type: SETUP, data: { config: index.config, docs: index.docs, options: setup.options } } });
    });
    return loading;
  }

  var queue = Promise.resolve();

  nativeAdd("message", function (event) {
    var message = event.data;
    if (message.type === SETUP) {
      var config = message.data.config || {};
      setup = { config: config, docs: message.data.docs, options: message.data.options,
        ptn_index: config.ptn_index || "search/search_index.json" };
      nativePost({ type: READY });
      return;
    }
    if (message.type !== QUERY) return;
    var query = String(message.data || "");
    queue = queue.then(function () {
      if (!query.trim()) {
        nativePost({ type: RESULT, data: { items: [] } });
        return null;
      }
      return load().then(function () {
        var result = null;
        capture = function (data) { result = data; };
        return Promise.resolve(material({ data: { type: QUERY, data: transform(query) } }))
          .then(function () {
            capture = null;
            rerank(result, query);
            clean(result);
            nativePost({ type: RESULT, data: result || { items: [] } });
          }, function (error) {
            capture = null;
            throw error;
          });
      });
    }).catch(function (error) {
      console.warn(error);
      nativePost({ type: RESULT, data: { items: [] } });
    });
  });
})();
