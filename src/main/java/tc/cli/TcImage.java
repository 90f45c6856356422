package tc.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tc.computer.asm.TcAsmReader;
import tc.computer.asm.TcAsmWriter;
import tc.computer.asm.TcAssembly;
import tc.computer.backend.TcBackend;
import tc.computer.backend.TcCompiled;
import tc.computer.backend.TcDebugInfo;
import tc.computer.backend.TcSymbol;
import tc.computer.device.Mmio;
import tc.computer.io.TcProgramJson;
import tc.computer.isa.TcInstruction;
import tc.computer.isa.TcOp;
import tc.computer.isa.TcProgram;
import tc.computer.selfhost.ImageVariables;
import tc.source.CompileException;
import tc.source.SourceFile;
import tc.source.SourcePos;

/**
 * A Tensor Computer program image given to {@code tc run --target tc}: assembly ({@code .s},
 * {@code .asm}; what {@code tc selfhost --compile -o} and {@code tc asm --target tc --format asm}
 * write) or a program file ({@code .json}; {@code tc asm --target tc}). It becomes a
 * {@link TcCompiled} with no C behind it, so it runs and reports exactly as a compiled C program
 * does: the return value is r0 at the HALT, main's return under the start-up convention both
 * compilers follow ({@code call main; halt}), the same register {@code MachineRun.exitStatus()}
 * reads.
 *
 * <p>An image does not say which machine it is for, but a program for the {@code seed} machine
 * reaches its devices with absolute addresses (bit 31 set) as LOAD/STORE offsets; the first such
 * access (for images of both compilers, the install of the page-fault handler) is how
 * {@code --machine cpu}, where those addresses are plain memory, refuses it.
 */
final class TcImage {
    private TcImage() {}

    /** Whether {@code lowerName} (a file name in lower case) is an image this class reads. */
    static boolean isImage(String lowerName) {
        return lowerName.endsWith(".s") || lowerName.endsWith(".asm") || lowerName.endsWith(".json");
    }

    /**
     * Reads the image at {@code file} for {@code machine}.
     *
     * @throws CompileException for assembly or program-file errors, and for a seed-machine image
     *                          run on the cpu machine (at the line of its first device access)
     * @throws UserError        when {@code memoryWords} is given (an image sets its own memory)
     */
    static TcCompiled load(Path file, TcBackend.Machine machine, Integer memoryWords) throws IOException {
        if (memoryWords != null)
            throw new UserError("--memory-words is for C sources; " + file + " is a program image and sets its own memory size");
        SourceFile src = SourceFiles.read(file);
        boolean json = String.valueOf(file.getFileName()).toLowerCase(java.util.Locale.ROOT).endsWith(".json");
        TcProgram program;
        int[] lines;
        List<TcSymbol> symbols;
        if (json) {
            program = TcProgramJson.read(src).program();
            lines = new int[program.code().size()];
            symbols = List.of();
        } else {
            TcAssembly a = TcAsmReader.assemble(src);
            program = a.program();
            lines = a.lines();
            symbols = notedVariables(src.text(), program.spec().memoryWords());
        }
        int device = firstDeviceAccess(program);
        if (machine == TcBackend.Machine.CPU && device >= 0) {
            TcInstruction in = program.at(device);
            String what = in.imm() == Mmio.register(Mmio.TRAP_VECTOR) ? "installs a page-fault handler"
                    : "reaches the device address " + String.format("0x%08X", in.imm());
            String message = "this is a program for the seed machine: it " + what + " (" + TcAsmWriter.instruction(in)
                    + "), which the cpu machine does not have; run it with --machine seed";
            if (json) throw new UserError(file + ": " + message);
            throw new CompileException(src, position(src, lines[device]), message);
        }
        int n = program.code().size();
        int[] none = new int[n];
        Arrays.fill(none, -1);
        TcDebugInfo debug = new TcDebugInfo(lines, none, new int[n], List.of(), json ? null : src);
        List<String> listing = List.of(TcAsmWriter.write(program).split("\n"));
        // no overflow HALT (an image's stack is not checked by tc), and main's return slot is not known
        return new TcCompiled(program, symbols, -1, listing, debug, machine, -1);
    }

    /**
     * Whether {@code program} installs a page-fault handler (stores to the trap vector), as every
     * seed-machine program that uses more memory than the physical does.
     */
    static boolean installsHandler(TcProgram program) {
        for (TcInstruction in : program.code())
            if (in.op() == TcOp.STORE && in.imm() == Mmio.register(Mmio.TRAP_VECTOR)) return true;
        return false;
    }

    /** The slot of the first LOAD or STORE whose offset is a device address, or -1. */
    static int firstDeviceAccess(TcProgram program) {
        // Offsets from the GPU's memory to the end of the disk buffer: a frame offset is never that far below 0.
        long low = Integer.toUnsignedLong(Mmio.GPU_BASE), high = Integer.toUnsignedLong(Mmio.DISK_BUF) + 0xFFFF;
        List<TcInstruction> code = program.code();
        for (int slot = 0; slot < code.size(); slot++) {
            TcInstruction in = code.get(slot);
            long imm = Integer.toUnsignedLong(in.imm());
            if ((in.op() == TcOp.LOAD || in.op() == TcOp.STORE) && imm >= low && imm <= high) return slot;
        }
        return -1;
    }

    /**
     * The variables the self-hosted compiler notes in its images ({@link ImageVariables}), each
     * read from memory after the run; a name noted twice (shadowing) is left out, as there.
     */
    private static List<TcSymbol> notedVariables(String text, int memoryWords) {
        Map<String, Integer> count = new LinkedHashMap<>();
        List<ImageVariables.Note> notes = ImageVariables.notes(text, memoryWords);
        for (ImageVariables.Note note : notes) count.merge(note.name(), 1, Integer::sum);
        List<TcSymbol> symbols = new ArrayList<>();
        for (ImageVariables.Note note : notes) {
            if (count.get(note.name()) != 1) continue;
            boolean array = note.length() != 1;
            symbols.add(new TcSymbol(note.name(), null, note.length(), array, -1, note.address()));
        }
        return symbols;
    }

    /** Line {@code line} at its first non-blank column, for a caret under the instruction. */
    private static SourcePos position(SourceFile src, int line) {
        String[] text = src.text().split("\n", -1);
        String l = line >= 1 && line <= text.length ? text[line - 1] : "";
        int col = 1;
        while (col <= l.length() && Character.isWhitespace(l.charAt(col - 1))) col++;
        return new SourcePos(line, col);
    }
}
