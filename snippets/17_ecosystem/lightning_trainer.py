import lightning as L
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split

L.seed_everything(0, verbose=False)  # 一次固定 Python、NumPy、torch 的随机数
torch.set_num_threads(1)  # 小模型在共享的 CPU 上单线程更快


class BlobClassifier(L.LightningModule):
    """模型、损失、优化器与每一步要做的事，都写在这一个类里。"""

    def __init__(self, hidden=32, lr=0.01):
        super().__init__()
        self.save_hyperparameters()  # 把 hidden、lr 记进 self.hparams 和检查点
        self.net = nn.Sequential(nn.Linear(2, hidden), nn.ReLU(), nn.Linear(hidden, 3))
        self.loss_fn = nn.CrossEntropyLoss()

    def forward(self, x):
        return self.net(x)

    def training_step(self, batch, batch_idx):
        x, y = batch  # 不用写 .to(device)：Trainer 已经把批次搬好了
        loss = self.loss_fn(self(x), y)
        self.log("train_loss", loss, on_epoch=True, on_step=False)
        return loss  # 不用写 zero_grad / backward / step：Trainer 来做

    def validation_step(self, batch, batch_idx):
        x, y = batch  # 这里已经处在 eval() 与 no_grad 之下
        logits = self(x)
        self.log("val_loss", self.loss_fn(logits, y))
        self.log("val_acc", (logits.argmax(dim=1) == y).float().mean())

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=self.hparams.lr)


centers = torch.tensor([[0.0, 2.0], [-2.0, -1.0], [2.0, -1.0]])
x = torch.cat([c + torch.randn(200, 2) for c in centers])
y = torch.arange(3).repeat_interleave(200)
train_set, val_set = random_split(
    TensorDataset(x, y), [0.8, 0.2], generator=torch.Generator().manual_seed(0)
)
train_loader = DataLoader(train_set, batch_size=32, shuffle=True)
val_loader = DataLoader(val_set, batch_size=120)

model = BlobClassifier()
trainer = L.Trainer(
    max_epochs=5,
    accelerator="auto",  # 有 GPU 用 GPU，没有就用 CPU
    devices=1,
    logger=False,  # 不写日志目录
    enable_checkpointing=False,  # 不自动保存检查点
    enable_progress_bar=False,
    enable_model_summary=False,
    deterministic=True,
)
trainer.fit(model, train_loader, val_loader)

metrics = trainer.callback_metrics
print(f"训练了 {trainer.current_epoch} 轮，{trainer.global_step} 步")
print(f"训练损失 {metrics['train_loss']:.3f}")
print(f"验证损失 {metrics['val_loss']:.3f}，验证准确率 {metrics['val_acc']:.1%}")
print(f"超参数：{dict(model.hparams)}")
print(f"fit 结束后模型处于：{'训练' if model.training else '评估'}模式")
