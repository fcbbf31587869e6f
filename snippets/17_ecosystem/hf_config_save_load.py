import os
from pathlib import Path

import torch

# 只用本地文件。huggingface_hub 在被导入时读取这个变量，所以写在 import transformers 之前
os.environ["HF_HUB_OFFLINE"] = "1"

from transformers import AutoConfig, AutoModelForSequenceClassification, BertConfig

torch.manual_seed(0)

# 1. 从配置建模型：结构由 config 决定，权重随机初始化，不需要联网
config = BertConfig(
    vocab_size=1000,
    hidden_size=64,
    num_hidden_layers=2,
    num_attention_heads=4,
    intermediate_size=128,
    max_position_embeddings=64,
    num_labels=2,
    id2label={0: "negative", 1: "positive"},
    label2id={"negative": 0, "positive": 1},
)
model = AutoModelForSequenceClassification.from_config(config).eval()
print(f"模型类：{type(model).__name__}，是 nn.Module：{isinstance(model, torch.nn.Module)}")
print(f"参数量：{model.num_parameters()}")

# 2. 前向传播：输入是 input_ids 与 attention_mask，输出是带名字的结果对象
input_ids = torch.randint(5, 1000, (2, 12))
attention_mask = torch.ones_like(input_ids)
attention_mask[1, 8:] = 0  # 第二句只有 8 个真实词元，其余是补齐
with torch.inference_mode():
    out = model(input_ids=input_ids, attention_mask=attention_mask)
print(f"输出类型：{type(out).__name__}，logits 形状：{tuple(out.logits.shape)}")

# 3. save_pretrained：一个文件夹，里面是 config.json 与 safetensors 权重
model.save_pretrained("tiny-bert-cls")
print(f"保存的文件：{sorted(p.name for p in Path('tiny-bert-cls').iterdir())}")

# 4. from_pretrained 读本地文件夹：和从 Hub 下载后的读法完全一样
config2 = AutoConfig.from_pretrained("tiny-bert-cls")
print(f"读回的配置：{config2.model_type}，{config2.num_hidden_layers} 层，标签 {config2.id2label}")
reloaded = AutoModelForSequenceClassification.from_pretrained("tiny-bert-cls").eval()
with torch.inference_mode():
    out2 = reloaded(input_ids=input_ids, attention_mask=attention_mask)
print(f"读回后 logits 相同：{torch.equal(out.logits, out2.logits)}")

# 5. 本地没有的 Hub 名字：local_files_only=True（或 HF_HUB_OFFLINE=1）时立即报错，不会去下载
try:
    AutoConfig.from_pretrained("google-bert/bert-base-uncased", local_files_only=True)
except OSError as err:
    print(f"本地找不到 bert-base-uncased：{type(err).__name__}")
