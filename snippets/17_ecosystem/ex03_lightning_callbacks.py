from pathlib import Path

import lightning as L
import torch
from lightning.pytorch.callbacks import EarlyStopping, ModelCheckpoint
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

L.seed_everything(0, verbose=False)
torch.set_num_threads(1)


class NoisyRegressor(L.LightningModule):
    def __init__(self, lr=0.05):
        super().__init__()
        self.save_hyperparameters()
        self.net = nn.Sequential(nn.Linear(1, 64), nn.Tanh(), nn.Linear(64, 1))

    def forward(self, x):
        return self.net(x)

    def training_step(self, batch, batch_idx):
        x, y = batch
        return nn.functional.mse_loss(self(x), y)

    def validation_step(self, batch, batch_idx):
        x, y = batch
        self.log("val_mse", nn.functional.mse_loss(self(x), y))

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=self.hparams.lr)


def make_data(n):
    x = torch.rand(n, 1) * 6 - 3
    return TensorDataset(x, torch.sin(x) + 0.3 * torch.randn(n, 1))


train_loader = DataLoader(make_data(40), batch_size=8, shuffle=True)  # 很少的数据，容易过拟合
val_loader = DataLoader(make_data(200), batch_size=200)

checkpoint = ModelCheckpoint(dirpath="ckpt", monitor="val_mse", mode="min", filename="best")
early_stop = EarlyStopping(monitor="val_mse", mode="min", patience=5)
trainer = L.Trainer(
    max_epochs=200,
    accelerator="auto",
    devices=1,
    callbacks=[checkpoint, early_stop],
    logger=False,
    enable_progress_bar=False,
    enable_model_summary=False,
    deterministic=True,
)
trainer.fit(NoisyRegressor(), train_loader, val_loader)

print(f"停在第 {trainer.current_epoch} 轮（上限 200），早停触发：{trainer.should_stop}")
print(
    f"最好的 val_mse：{checkpoint.best_model_score:.3f}，文件：{Path(checkpoint.best_model_path).name}"
)
best = NoisyRegressor.load_from_checkpoint(checkpoint.best_model_path)
print(f"从检查点恢复的超参数：{dict(best.hparams)}")
result = trainer.validate(best, val_loader, verbose=False)
print(f"恢复后的 val_mse：{result[0]['val_mse']:.3f}")
