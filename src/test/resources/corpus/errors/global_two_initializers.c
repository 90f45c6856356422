// A file-scope name may be declared again, but initialized only once.
// expect error: 4:5 redefinition of 'limit' (both declarations have an initializer)
int limit = 10;
int limit = 20;

int main() {
    return limit;
}
