package tc.c.ast;

import java.util.List;
import tc.source.SourceFile;
import tc.source.SourcePos;

/** A parsed source file: its top-level items in order, and where it ends (for whole-program diagnostics). */
public record TranslationUnit(SourceFile file, List<TopLevel> items, SourcePos end) {
    public TranslationUnit { items = List.copyOf(items); }
}
