"""PyTorch side of `NasPlatform.Vision.Benchmarks.dll maxpool`: the compare.sh network's two max-pool layers,
forward + backward, one thread, NCHW. Run: OMP_NUM_THREADS=1 /usr/bin/python3 maxpool_probe.py"""
import time

import torch

torch.set_num_threads(1)
for shape in [(128, 32, 28, 28), (128, 64, 14, 14)]:
    x = torch.randn(shape).relu().requires_grad_(True)
    pool = torch.nn.MaxPool2d(2, 2)
    for _ in range(3):
        start = time.perf_counter()
        for _ in range(50):
            pool(x).sum().backward()
            x.grad.zero_()
        print(f"{'x'.join(map(str, shape))} nchw: {(time.perf_counter() - start) / 50 * 1e3:.2f} ms per forward+backward")
