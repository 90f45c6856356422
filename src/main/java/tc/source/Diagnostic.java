package tc.source;

/** One user-facing error, formatted like gcc: {@code file:line:col: error: message}, the line, a caret. */
public record Diagnostic(SourceFile file, SourcePos pos, String message) {

    /** The one-line header, {@code file:line:col: error: message}. */
    public String header() {
        if (pos.line() <= 0) return file.name() + ": error: " + message;
        return file.name() + ":" + pos.line() + ":" + pos.column() + ": error: " + message;
    }

    /** Header, source line and caret, ready to print. */
    public String format() {
        if (pos.line() <= 0) return header();
        String text = file.line(pos.line());
        StringBuilder caret = new StringBuilder();
        for (int i = 0; i < pos.column() - 1 && i < text.length(); i++) caret.append(text.charAt(i) == '\t' ? '\t' : ' ');
        return header() + "\n" + text + "\n" + caret + "^";
    }
}
