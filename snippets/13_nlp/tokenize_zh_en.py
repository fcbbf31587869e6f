import re

import jieba

# 英文：先统一小写，再用正则把单词、数字和标点切开
text_en = "PyTorch's tensors aren't NumPy arrays, but they're close: 2.5x faster on GPUs!"
tokens_en = re.findall(r"[a-z]+(?:'[a-z]+)?|\d+(?:\.\d+)?|[^\sa-z\d]", text_en.lower())
print("英文词元：", tokens_en)
print("只按空格切：", text_en.split()[:4], "……")

# 中文：词与词之间没有空格，要么按字切，要么用分词器
text_zh = "我们在南京市长江大桥上学习深度学习框架。"
print("按字切：", list(text_zh))
jieba.setLogLevel(60)  # 不再打印加载词典的日志（第一次加载时的信息写到 stderr）
print("jieba 精确模式：", jieba.lcut(text_zh))
print("jieba 全模式：", jieba.lcut(text_zh, cut_all=True))
print("jieba 搜索引擎模式：", jieba.lcut_for_search(text_zh))

# 领域新词：默认词典不认识，可以临时加进词典
text_term = "反向传播之后调用优化器更新参数，注意梯度裁剪。"
print("加词之前：", jieba.lcut(text_term))
jieba.add_word("梯度裁剪")
jieba.add_word("反向传播")
print("加词之后：", jieba.lcut(text_term))

# 中英混排：jieba 会把连续的英文字母和数字当成一个词元
print("中英混排：", jieba.lcut("用PyTorch 2.14训练Transformer模型"))
