import os

import torch

# 只用本地文件。huggingface_hub 在被导入时读取这个变量，所以写在 import transformers 之前
os.environ["HF_HUB_OFFLINE"] = "1"

from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    BertConfig,
    PreTrainedTokenizerFast,
    pipeline,
)

torch.manual_seed(0)

# 1. 用 tokenizers 库搭一个 WordPiece 分词器。词表由语料里的整词、单个字母和 ## 续接字母组成，
#    直接给出而不是训练：WordPieceTrainer 在频次相同的候选之间取舍不固定，每次运行的词表可能不同
corpus = [
    "the movie was great and the actors were great",
    "the movie was boring and far too long",
    "a great story with great music",
    "boring plot, boring music, too long",
    "i loved the story and the music",
    "i hated the plot and the ending",
]
special = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
words = sorted({w for line in corpus for w in line.replace(",", " ,").split()})
letters = sorted({ch for w in words for ch in w})
vocab_list = (
    special + words + [ch for ch in letters if ch not in words] + ["##" + ch for ch in letters]
)
tok = Tokenizer(models.WordPiece({t: i for i, t in enumerate(vocab_list)}, unk_token="[UNK]"))
tok.normalizer = normalizers.BertNormalizer(lowercase=True)
tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
# 像 BERT 一样在句首加 [CLS]、句尾加 [SEP]
tok.post_processor = processors.TemplateProcessing(
    single="[CLS] $A [SEP]",
    special_tokens=[("[CLS]", tok.token_to_id("[CLS]")), ("[SEP]", tok.token_to_id("[SEP]"))],
)
print(f"词表大小：{tok.get_vocab_size()}")
print(f"切分 Lovely music!：{tok.encode('Lovely music!').tokens}")

# 2. 包成 transformers 的快速分词器，保存成标准文件夹，再用 AutoTokenizer 读回
fast = PreTrainedTokenizerFast(
    tokenizer_object=tok,
    unk_token="[UNK]",
    pad_token="[PAD]",
    cls_token="[CLS]",
    sep_token="[SEP]",
    mask_token="[MASK]",
)
fast.save_pretrained("tiny-tokenizer")
tokenizer = AutoTokenizer.from_pretrained("tiny-tokenizer")
batch = tokenizer(["great music", "the plot was far too long"], padding=True, return_tensors="pt")
print(f"input_ids：\n{batch['input_ids']}")
print(f"attention_mask：\n{batch['attention_mask']}")

# 3. 分词器与模型配套：词表大小、填充编号都要对上
config = BertConfig(
    vocab_size=tokenizer.vocab_size,
    hidden_size=32,
    num_hidden_layers=1,
    num_attention_heads=2,
    intermediate_size=64,
    pad_token_id=tokenizer.pad_token_id,
    id2label={0: "negative", 1: "positive"},
    label2id={"negative": 0, "positive": 1},
)
model = AutoModelForSequenceClassification.from_config(config)

# 4. 模型就是 nn.Module：用普通的训练循环在 6 句话上训几步；传入 labels 时输出自带 loss
texts, labels = corpus[:6], torch.tensor([1, 0, 1, 0, 1, 0])
train_batch = tokenizer(texts, padding=True, return_tensors="pt")
optimizer = torch.optim.AdamW(model.parameters(), lr=3e-3)
model.train()
for _step in range(30):
    loss = model(**train_batch, labels=labels).loss
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
print(f"训练 30 步后的损失：{loss.item():.4f}")
model.eval()

# 5. pipeline 把分词、前向、softmax、取标签串成一步
classify = pipeline("text-classification", model=model, tokenizer=tokenizer, device="cpu")
for result in classify(["great music", "boring plot", "loved the actors"]):
    print(f"{result['label']:>8} {result['score']:.3f}")
