// A const variable cannot be assigned, incremented or swapped after its initializer.
// expect error: 5:5 cannot assign to const 'limit'
int main() {
    const int limit = 10;
    limit = 11;
    return limit;
}
