// demo: a 32x32 matrix multiply on the GPU (one MATMUL kernel) and by the same loop on the CPU; both results equal
// expect: retval = 0
// expect: outputs = -147823, -147823
// part: cpu loop: int phase = 3; => int phase = 1;
// part: gpu: int phase = 3; => int phase = 2;

int a[1024];
int b[1024];
int c_cpu[1024];
int c_gpu[1024];
// Bit 0: multiply on the CPU; bit 1: on the GPU. tc demo also runs each part alone to count its steps.
int phase = 3;

int main() {
    int i;
    int j;
    int k;
    for (i = 0; i < 1024; i++) {
        a[i] = (i * 7 + 3) % 19 - 9;
        b[i] = (i * 5 + 1) % 23 - 11;
    }
    if (phase & 1) {
        for (i = 0; i < 32; i++)
            for (j = 0; j < 32; j++) {
                int s = 0;
                for (k = 0; k < 32; k++) s = s + a[i * 32 + k] * b[k * 32 + j];
                c_cpu[i * 32 + j] = s;
            }
    }
    if (phase & 2) {
        // GPU memory: A at 0, B at 1024, C at 2048.
        for (i = 0; i < 1024; i++) {
            gpu_write(i, a[i]);
            gpu_write(1024 + i, b[i]);
        }
        gpu_matmul(0, 1024, 2048, 32, 32, 32);
        for (i = 0; i < 1024; i++) c_gpu[i] = gpu_read(2048 + i);
    }
    int sum_cpu = 0;
    int sum_gpu = 0;
    int differ = 0;
    for (i = 0; i < 1024; i++) {
        sum_cpu = sum_cpu + c_cpu[i] * (i + 1);
        sum_gpu = sum_gpu + c_gpu[i] * (i + 1);
        if (c_cpu[i] != c_gpu[i]) differ++;
    }
    output(sum_cpu);
    output(sum_gpu);
    return differ;
}
