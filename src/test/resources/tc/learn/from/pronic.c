/* x * (x + 1), a pronic number: not a task of the suite */
int pronic(int x) { return x * x + x; }
