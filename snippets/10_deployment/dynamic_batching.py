import queue
import threading
from concurrent.futures import Future

import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(8, 32), nn.ReLU(), nn.Linear(32, 2)).eval()


class DynamicBatcher:
    """把陆续到达的单条请求攒成批：攒够 max_batch 条，或者等满 max_wait 秒，就算一次。"""

    def __init__(self, model, max_batch=4, max_wait=0.01):
        self.model, self.max_batch, self.max_wait = model, max_batch, max_wait
        self.requests = queue.Queue()
        self.batch_sizes = []  # 记录每次实际算了多大的批，演示用
        self.worker = threading.Thread(target=self._loop, daemon=True)

    def start(self):
        self.worker.start()

    def submit(self, x):
        future = Future()  # 调用方拿着它等结果
        self.requests.put((x, future))
        return future

    def stop(self):
        self.requests.put(None)  # 约定：收到 None 就退出
        self.worker.join()

    def _loop(self):
        while True:
            first = self.requests.get()  # 阻塞，直到第一条请求到来
            if first is None:
                return
            batch = [first]
            while len(batch) < self.max_batch:
                try:
                    item = self.requests.get(timeout=self.max_wait)
                except queue.Empty:
                    break  # 等够了，有多少算多少
                if item is None:
                    self.requests.put(None)  # 先把这一批算完，下一轮再退出
                    break
                batch.append(item)
            inputs = torch.stack([x for x, _ in batch])
            with torch.inference_mode():
                outputs = self.model(inputs)
            self.batch_sizes.append(len(batch))
            for (_, future), out in zip(batch, outputs, strict=True):
                future.set_result(out)


# 场景 1：一阵突发流量，10 条请求在工作线程启动前就已经排在队列里
batcher = DynamicBatcher(model, max_batch=4)
samples = torch.randn(10, 8)
futures = [batcher.submit(x) for x in samples]
batcher.start()
results = torch.stack([f.result(timeout=10) for f in futures])
batcher.stop()
print(f"10 条请求被合成的批：{batcher.batch_sizes}")
with torch.inference_mode():
    one_by_one = torch.stack([model(x.unsqueeze(0))[0] for x in samples])
print(f"与逐条计算的结果一致：{torch.allclose(results, one_by_one, atol=1e-6)}")

# 场景 2：8 个客户端线程同时发请求，批怎么拼取决于时机，每次运行都可能不同
batcher = DynamicBatcher(model, max_batch=4)
batcher.start()
answers = [None] * 8


def client(i):
    answers[i] = batcher.submit(samples[i]).result(timeout=10)


threads = [threading.Thread(target=client, args=(i,)) for i in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
batcher.stop()
print(
    f"并发时一共处理的请求数：{sum(batcher.batch_sizes)}，每批不超过 4：{max(batcher.batch_sizes) <= 4}"
)
print(
    f"每个客户端拿回的是自己的结果：{torch.allclose(torch.stack(answers), one_by_one[:8], atol=1e-6)}"
)
