// Two read+write streams at a chosen distance, in plain C with AVX: the memory-system effect behind
// plugins/Quantum/NasPlatform.Quantum.Simulator/StatePlacement.cs and Kernels/FarPartnerStaging.cs (issue 20).
// Each line: the distance between the streams (a power of two plus an offset) and the bandwidth of a pass that
// multiplies 64 MiB at A and 64 MiB at B in place, line by line in turn (best of 3, 2 MiB pages where Linux offers them).
// Build and run: gcc -O3 -mavx2 -o /tmp/distance benchmarks/memory-distance/distance.c && /tmp/distance
#define _GNU_SOURCE
#include <immintrin.h>
#include <stdio.h>
#include <sys/mman.h>
#include <time.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(void)
{
    const size_t total = (size_t)3 << 30, stream = (size_t)64 << 20, huge = (size_t)2 << 20;
    char *mem = mmap(0, total + 2 * huge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mem == MAP_FAILED)
    {
        perror("mmap");
        return 1;
    }

    madvise(mem, total + 2 * huge, MADV_HUGEPAGE);
    char *base = (char *)(((size_t)mem + huge - 1) & ~(huge - 1));
    for (size_t i = 0; i < total; i += 4096)
    {
        base[i] = 1;
    }

    const __m256d c = _mm256_set1_pd(0.9999);
    const long powers[] = {26, 27, 28, 29, 30};
    const long offsets[] = {0, 4096, 65536, 1 << 20, 8 << 20, -(2 << 20)};
    printf("| distance | GB/s |\n|---|---:|\n");
    for (int p = 0; p < 5; p++)
    {
        for (int o = 0; o < 6; o++)
        {
            size_t d = ((size_t)1 << powers[p]) + offsets[o];
            if (d + stream > total)
            {
                continue;
            }

            double *a = (double *)base, *b = (double *)(base + d), best = 1e9;
            for (int r = 0; r < 3; r++)
            {
                double t0 = now();
                for (size_t i = 0; i < stream / 8; i += 4)
                {
                    _mm256_store_pd(a + i, _mm256_mul_pd(c, _mm256_load_pd(a + i)));
                    _mm256_store_pd(b + i, _mm256_mul_pd(c, _mm256_load_pd(b + i)));
                }

                double t = now() - t0;
                best = t < best ? t : best;
            }

            printf("| 2^%ld %+ld B | %.1f |\n", powers[p], offsets[o], 4.0 * stream / best / 1e9);
        }
    }

    return 0;
}
