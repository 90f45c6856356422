// A case label belongs directly in a switch's braces.
// expect error: 4:5 'case' label not directly inside a switch's braces
int main() {
    case 1: return 0;
}
