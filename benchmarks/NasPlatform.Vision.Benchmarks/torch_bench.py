"""PyTorch side of compare.sh: the same 2-conv network, data, batch, optimizer and loop as Program.cs.

Run with Debian's python3-torch (PyTorch 1.13): /usr/bin/python3 torch_bench.py [STEPS]
"""
import gzip
import json
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

STEPS = int(sys.argv[1]) if len(sys.argv) > 1 else 100
BATCH = 128
WARMUP = 10
torch.set_num_threads(1)

with gzip.open("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz") as f:
    pixels = np.frombuffer(f.read(), dtype=np.uint8, offset=16).reshape(-1, 1, 28, 28)
with gzip.open("/usr/share/datasets/fashion-mnist/train-labels-idx1-ubyte.gz") as f:
    targets = np.frombuffer(f.read(), dtype=np.uint8, offset=8)
mean, std = pixels.mean(), pixels.std()
count = (STEPS + WARMUP) * BATCH
images = torch.from_numpy(((pixels[:count].astype(np.float32) - mean) / std).copy())
labels = torch.from_numpy(targets[:count].astype(np.int64))

model = nn.Sequential(
    nn.Conv2d(1, 32, 3, padding=1, bias=False), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2, 2),
    nn.Conv2d(32, 64, 3, padding=1, bias=False), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(2, 2),
    nn.Dropout(0.1), nn.Flatten(), nn.Linear(64 * 7 * 7, 10))
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
model.train()


def train(first, n):
    # Wall clock and this process's CPU time (one thread): the latter does not count other processes' load.
    start, cpu = time.perf_counter(), time.process_time()
    for s in range(first, first + n):
        x = images[s * BATCH:(s + 1) * BATCH]
        y = labels[s * BATCH:(s + 1) * BATCH]
        loss = F.cross_entropy(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return n * BATCH / (time.perf_counter() - start), n * BATCH / (time.process_time() - cpu)


train(0, WARMUP)
train_ips, train_cpu_ips = train(WARMUP, STEPS)
model.eval()
with torch.no_grad():
    infer_batch = 500
    batches = min(count // infer_batch, 20)
    for b in range(2):
        model(images[b * infer_batch:(b + 1) * infer_batch])
    start, cpu = time.perf_counter(), time.process_time()
    for b in range(batches):
        model(images[b * infer_batch:(b + 1) * infer_batch])
    infer_ips = batches * infer_batch / (time.perf_counter() - start)
    infer_cpu_ips = batches * infer_batch / (time.process_time() - cpu)

print(json.dumps({"framework": "pytorch " + torch.__version__, "train_images_per_second": round(train_ips, 1),
                  "inference_images_per_second": round(infer_ips, 1),
                  "train_images_per_cpu_second": round(train_cpu_ips, 1),
                  "inference_images_per_cpu_second": round(infer_cpu_ips, 1), "threads": torch.get_num_threads()}))
