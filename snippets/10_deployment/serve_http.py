import json
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import torch
from torch import nn
from torch.export import Dim

torch.manual_seed(0)
NUM_FEATURES, MAX_BATCH = 4, 64
LABELS = ["setosa", "versicolor", "virginica"]

# ---- 训练端：导出一个 .pt2 文件（这里用随机初始化的小模型代替训练好的模型）----
model = nn.Sequential(nn.Linear(NUM_FEATURES, 16), nn.ReLU(), nn.Linear(16, 3)).eval()
ep = torch.export.export(
    model,
    (torch.randn(2, NUM_FEATURES),),
    dynamic_shapes=({0: Dim("batch", min=1, max=MAX_BATCH)},),
)
torch.export.save(ep, "classifier.pt2")


# ---- 服务端：只依赖 .pt2 文件和标准库 ----
class Predictor:
    def __init__(self, path):
        self.module = torch.export.load(path).module()
        self.warm_up()

    @torch.inference_mode()
    def warm_up(self):
        # 第一次调用要做各种初始化，放在启动时做掉，别让第一个用户等
        self.module(torch.zeros(1, NUM_FEATURES))

    @torch.inference_mode()
    def predict(self, rows):
        probs = self.module(torch.tensor(rows, dtype=torch.float32)).softmax(dim=1)
        return [
            {"label": LABELS[int(p.argmax())], "probs": [round(v, 3) for v in p.tolist()]}
            for p in probs
        ]


def validate(payload):
    """返回 (rows, None) 或 (None, 错误说明)。输入先查清楚，再交给模型。"""
    rows = payload.get("inputs") if isinstance(payload, dict) else None
    if not isinstance(rows, list) or not rows:
        return None, "需要字段 inputs：一个非空的二维数组"
    if len(rows) > MAX_BATCH:
        return None, f"一次最多 {MAX_BATCH} 行，收到 {len(rows)} 行"
    for i, row in enumerate(rows):
        ok = isinstance(row, list) and len(row) == NUM_FEATURES
        if not ok or not all(isinstance(v, (int, float)) for v in row):
            return None, f"第 {i} 行应当是 {NUM_FEATURES} 个数字"
    return rows, None


class Handler(BaseHTTPRequestHandler):
    predictor = None  # 启动时赋值，所有请求共用一份模型

    def send_json(self, status, body):
        data = json.dumps(body, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/health":
            self.send_json(200, {"status": "ok"})
        else:
            self.send_json(404, {"error": f"没有这个路径：{self.path}"})

    def do_POST(self):
        if self.path != "/predict":
            self.send_json(404, {"error": f"没有这个路径：{self.path}"})
            return
        length = int(self.headers.get("Content-Length", 0))
        try:
            payload = json.loads(self.rfile.read(length))
        except json.JSONDecodeError:
            self.send_json(400, {"error": "请求体不是合法的 JSON"})
            return
        rows, error = validate(payload)
        if error:
            self.send_json(422, {"error": error})
            return
        self.send_json(200, {"predictions": self.predictor.predict(rows)})

    def log_message(self, *args):  # 不把每个请求打印到终端
        pass


Handler.predictor = Predictor("classifier.pt2")
server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)  # 端口 0：让操作系统挑一个空闲端口
thread = threading.Thread(target=server.serve_forever, daemon=True)
thread.start()
base = f"http://127.0.0.1:{server.server_address[1]}"


# ---- 客户端：用 urllib 发真实的 HTTP 请求 ----
def call(method, path, body=None):
    data = body if isinstance(body, bytes) or body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as err:  # 4xx/5xx 也带着 JSON 响应体
        return err.code, json.loads(err.read())


try:
    print("GET /health ->", *call("GET", "/health"))
    status, body = call(
        "POST", "/predict", {"inputs": [[0.5, -1.0, 0.3, 2.0], [0.0, 0.0, 0.0, 0.0]]}
    )
    print(f"POST /predict -> {status}")
    for item in body["predictions"]:
        print("  ", item)
    print("坏 JSON ->", *call("POST", "/predict", b"{not json"))
    print("少一列 ->", *call("POST", "/predict", {"inputs": [[1.0, 2.0, 3.0]]}))
    print("太多行 ->", *call("POST", "/predict", {"inputs": [[0.0] * 4] * 100}))
    print("错路径 ->", *call("POST", "/train", {}))
finally:
    server.shutdown()  # 停止 serve_forever 循环
    server.server_close()  # 关闭监听的套接字
    thread.join()
print(f"服务已关闭：{not thread.is_alive()}")
