// demo: the Mandelbrot set drawn into the 640x480 framebuffer (160x120 points, 4x4 pixels each; --screenshot FILE.png)
// expect: retval = 6552

// Fixed point with 12 fractional bits: 4096 is 1.0. The view is -2.0..0.5 by -1.0..1.0.
int main() {
    int inside = 0;
    int py;
    for (py = 0; py < 120; py++) {
        int ci = -4096 + py * 8192 / 120;
        int px;
        for (px = 0; px < 160; px++) {
            int cr = -8192 + px * 10240 / 160;
            int zr = 0;
            int zi = 0;
            int it = 0;
            while (it < 24) {
                int zr2 = (zr * zr) >> 12;
                int zi2 = (zi * zi) >> 12;
                if (zr2 + zi2 > 16384) break;
                zi = ((zr * zi) >> 11) + ci;
                zr = zr2 - zi2 + cr;
                it++;
            }
            int r = 0;
            int g = 0;
            int b = 0;
            if (it == 24) inside++;
            else {
                r = it * 10;
                g = it * 4;
                b = 128 + it * 5;
            }
            int dy;
            for (dy = 0; dy < 4; dy++) {
                int dx;
                for (dx = 0; dx < 4; dx++) pixel(px * 4 + dx, py * 4 + dy, r, g, b);
            }
        }
    }
    return inside;
}
