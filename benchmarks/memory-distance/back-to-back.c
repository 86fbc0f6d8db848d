// RX on a complex64 state held as two float arrays (re, im), in plain C with AVX2 and FMA, for im placed at
// re + size + OFFSET: the GC lays large arrays back to back (OFFSET = 24 B, the next array's header), and this shows
// what that layout costs one target against others (issue 20; plugins/Quantum/NasPlatform.Quantum.Simulator/StatePlacement.cs).
// Each line: qubits, the offset, the floor (an in-place pass over re and im, best of 3), then RX per target bit 9-15
// (pair partners 2-128 KiB apart) as a multiple of that floor (best of 3). 2 MiB pages where Linux offers them.
// Build and run: gcc -O3 -mavx2 -mfma -o /tmp/back-to-back benchmarks/memory-distance/back-to-back.c && /tmp/back-to-back 23 && /tmp/back-to-back 24
#define _GNU_SOURCE
#include <immintrin.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <time.h>

static size_t n;
static float *re, *im;

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static void floor_pass(void)
{
    const __m256 c = _mm256_set1_ps(0.9999f);
    for (size_t i = 0; i < n; i += 8)
    {
        _mm256_storeu_ps(re + i, _mm256_mul_ps(c, _mm256_loadu_ps(re + i)));
        _mm256_storeu_ps(im + i, _mm256_mul_ps(c, _mm256_loadu_ps(im + i)));
    }
}

static void rx(int bit)
{
    const size_t half = (size_t)1 << bit;
    const __m256 c = _mm256_set1_ps(0.8f), s = _mm256_set1_ps(0.6f);
    for (size_t k = 0; k < n; k += 2 * half)
    {
        for (size_t i = 0; i < half; i += 8)
        {
            size_t lo = k + i, hi = lo + half;
            __m256 rl = _mm256_loadu_ps(re + lo), rh = _mm256_loadu_ps(re + hi);
            __m256 il = _mm256_loadu_ps(im + lo), ih = _mm256_loadu_ps(im + hi);
            _mm256_storeu_ps(re + lo, _mm256_fmadd_ps(c, rl, _mm256_mul_ps(s, ih)));
            _mm256_storeu_ps(im + lo, _mm256_fnmadd_ps(s, rh, _mm256_mul_ps(c, il)));
            _mm256_storeu_ps(re + hi, _mm256_fmadd_ps(c, rh, _mm256_mul_ps(s, il)));
            _mm256_storeu_ps(im + hi, _mm256_fnmadd_ps(s, rl, _mm256_mul_ps(c, ih)));
        }
    }
}

static double best_of_3(void (*pass)(int), int bit)
{
    double best = 1e9;
    for (int r = 0; r < 3; r++)
    {
        double t0 = now();
        pass(bit);
        double t = now() - t0;
        best = t < best ? t : best;
    }

    return best;
}

static void floor_any(int bit)
{
    (void)bit;
    floor_pass();
}

int main(int argc, char **argv)
{
    const int qubits = argc > 1 ? atoi(argv[1]) : 23;
    n = (size_t)1 << qubits;
    const size_t bytes = n * sizeof(float), huge = (size_t)2 << 20, total = 2 * bytes + 4 * huge;
    char *mem = mmap(0, total + huge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mem == MAP_FAILED)
    {
        perror("mmap");
        return 1;
    }

    madvise(mem, total + huge, MADV_HUGEPAGE);
    // The GC's arrays start 56 B into a region (object header and length before the first element).
    char *base = (char *)(((size_t)mem + huge - 1) & ~(huge - 1)) + 56;
    for (size_t i = 0; i < total - 64; i += 4096)
    {
        base[i] = 1;
    }

    const long offsets[] = {24, 88, 536, 2072, 4120, 65560, 1 << 20};
    for (int o = 0; o < 7; o++)
    {
        re = (float *)base;
        im = (float *)(base + bytes + offsets[o]);
        const double floor = best_of_3(floor_any, 0);
        printf("%d qubits, im = re + size + %7ld B: floor %5.2f ms | RX / floor:", qubits, offsets[o], floor * 1e3);
        for (int bit = 9; bit <= 15; bit++)
        {
            printf(" b%d %.2f", bit, best_of_3(rx, bit) / floor);
        }

        printf("\n");
    }

    return 0;
}
