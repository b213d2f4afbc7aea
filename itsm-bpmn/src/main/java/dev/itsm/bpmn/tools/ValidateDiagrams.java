package dev.itsm.bpmn.tools;

import dev.itsm.bpmn.contract.DiagramReport;
import dev.itsm.bpmn.contract.DiagramValidator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Command-line check of BPMN and DMN files, for a team's own CI before deploying:
 *
 * <pre>
 * mvn -q -B -DskipTests package exec:java -pl itsm-bpmn -am -Pvalidate-diagrams -Dexec.args="path/to/diagrams"
 * mvn ... -Dexec.args="--hooks notify-vendor,page-oncall my-incident.bpmn other.dmn"
 * </pre>
 *
 * <p>Arguments are files or folders (searched for {@code .bpmn} and {@code .dmn}). With
 * {@code --hooks a,b} the named hook points the application registers are checked too. Prints one
 * line per problem; exits 0 when every file is fine, 1 when any has a problem, 2 on a usage
 * error.
 */
public final class ValidateDiagrams {

  private ValidateDiagrams() {}

  /** @param args {@code [--hooks a,b] file-or-folder...} */
  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * @param args the arguments
   * @param out the report
   * @param err usage errors
   * @return the exit code
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Set<String> hooks = null;
    List<Path> inputs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--hooks") && i + 1 < args.length) {
        hooks = new LinkedHashSet<>(Arrays.asList(args[++i].split(",")));
      } else if (args[i].startsWith("--")) {
        err.println("unknown option " + args[i]);
        return usage(err);
      } else {
        inputs.addAll(Arrays.stream(args[i].split("\\s+")).filter(s -> !s.isBlank())
            .map(Path::of).toList());
      }
    }
    if (inputs.isEmpty()) {
      return usage(err);
    }
    List<Path> files = new ArrayList<>();
    for (Path p : inputs) {
      if (!Files.exists(p)) {
        err.println("no such file or folder: " + p);
        return 2;
      }
      try (Stream<Path> walk = Files.walk(p)) {
        walk.filter(Files::isRegularFile).filter(ValidateDiagrams::isModel).sorted()
            .forEach(files::add);
      } catch (IOException e) {
        err.println("cannot read " + p + ": " + e.getMessage());
        return 2;
      }
    }
    if (files.isEmpty()) {
      err.println("no .bpmn or .dmn files in " + inputs);
      return 2;
    }
    int bad = 0;
    for (Path f : files) {
      DiagramReport report;
      try {
        report = DiagramValidator.check(f.toString(), Files.readAllBytes(f), hooks);
      } catch (IOException e) {
        err.println("cannot read " + f + ": " + e.getMessage());
        return 2;
      }
      if (report.ok()) {
        out.println("OK    " + f + (report.processKey() == null ? "" : " (" + report.processKey()
            + ")"));
      } else {
        bad++;
        out.println("FAIL  " + f + " (" + report.problems().size() + " problem"
            + (report.problems().size() == 1 ? "" : "s") + ")");
        report.problems().forEach(p -> out.println("      - " + p));
      }
    }
    out.println(files.size() + " file(s) checked, " + bad + " with problems");
    return bad == 0 ? 0 : 1;
  }

  private static boolean isModel(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".bpmn") || n.endsWith(".dmn");
  }

  private static int usage(PrintStream err) {
    err.println("usage: ValidateDiagrams [--hooks name,name] <file-or-folder>...");
    return 2;
  }
}
