// A switch has at most one default.
// expect error: 6:9 multiple default labels in one switch (the first is on line 5)
int main(){
    switch (1) {
        default: break;
        default: break;
    }
    return 0;
}
