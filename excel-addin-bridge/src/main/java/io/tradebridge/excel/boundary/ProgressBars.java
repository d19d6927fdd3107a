package io.tradebridge.excel.boundary;

import io.tradebridge.excel.control.Submission;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on a terminal; nothing when the output goes to a file or a pipe. */
final class ProgressBars {

  private ProgressBars() {}

  static Submission.Progress forSubmit() {
    // Run by the launcher, the bridge's stdin is a pipe and only the launcher knows it sits on a
    // terminal.
    if (System.console() == null && !Boolean.getBoolean(Launcher.TERMINAL)) {
      return Submission.Progress.NONE;
    }
    return new Submission.Progress() {
      private ProgressBar bar;

      @Override
      public void start(int rowsToSend) {
        if (rowsToSend > 0) {
          bar =
              new ProgressBarBuilder()
                  .setTaskName("Sending")
                  .setInitialMax(rowsToSend)
                  .setUnit(" rows", 1)
                  .setStyle(ProgressBarStyle.ASCII)
                  .setConsumer(new ConsoleProgressBarConsumer(System.err))
                  .build();
        }
      }

      @Override
      public void advance(int rowsDone) {
        if (bar != null) {
          bar.stepTo(rowsDone);
          if (rowsDone >= bar.getMax()) {
            bar.close();
            bar = null;
          }
        }
      }

      @Override
      public void waiting(long seconds) {
        if (bar != null) {
          bar.setExtraMessage(" rate-limited: waiting " + seconds + " s");
        }
      }
    };
  }
}
