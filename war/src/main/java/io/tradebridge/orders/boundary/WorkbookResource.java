package io.tradebridge.orders.boundary;

import io.tradebridge.access.boundary.Access;
import io.tradebridge.access.boundary.ChargedPerOrder;
import io.tradebridge.access.boundary.Via;
import io.tradebridge.access.entity.Permission;
import io.tradebridge.common.control.TradebridgeException;
import io.tradebridge.excel.control.OrderSheetReader;
import io.tradebridge.excel.control.Submission;
import io.tradebridge.excel.entity.WorkbookRejected;
import io.tradebridge.rest.problem.MalformedRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code POST /api/v1/orders/workbook}: an order workbook in, the same workbook with each row's
 * result out (API.md) — the command-line bridge's reader, checks, ids and writer, for a trader
 * without Java. The workbook id and the ledger travel inside the file, so uploading the returned
 * file again places nothing.
 */
@ApplicationScoped
@Path("v1/orders/workbook")
@Access(
    value = {Via.API_KEY, Via.SESSION},
    requires = Permission.TRADE)
public class WorkbookResource {

  static final long MAX_BYTES = 10L * 1024 * 1024;
  static final int MAX_ORDER_ROWS = 10_000;

  /** A multipart body carries a little more than the file: its headers and boundaries. */
  private static final long MULTIPART_OVERHEAD = 64 * 1024;

  private static final Logger LOG = Logger.getLogger(WorkbookResource.class.getName());
  private static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  @Inject OrderRows orderRows;
  @Inject Clock clock;

  @POST
  @ChargedPerOrder
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces({XLSX, "application/vnd.ms-excel", "application/problem+json"})
  @APIResponse(
      responseCode = "200",
      description = "The same workbook with every row's result written in",
      content =
          @Content(
              mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
              schema =
                  @Schema(
                      type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                      format = "binary")))
  public Response upload(
      @FormParam("file") EntityPart file,
      @QueryParam("sheet") String sheet,
      @HeaderParam("Content-Length") Long contentLength) {
    if (contentLength != null && contentLength > MAX_BYTES + MULTIPART_OVERHEAD) {
      throw tooLarge();
    }
    if (file == null) {
      throw TradebridgeException.validation(
          "file", "is required: send the workbook as the multipart field 'file'");
    }
    java.nio.file.Path folder = null;
    try {
      folder = Files.createTempDirectory("tradebridge-upload");
      String name = fileName(file.getFileName().orElse("orders.xlsx"));
      java.nio.file.Path workbook = folder.resolve(name);
      copyBounded(file.getContent(), workbook);
      Submission.Options options =
          new Submission.Options(
              sheet == null || sheet.isBlank() ? OrderSheetReader.DEFAULT_SHEET : sheet,
              false,
              false,
              Duration.ofDays(1),
              Duration.ofSeconds(10),
              MAX_ORDER_ROWS);
      Submission.Report report =
          new Submission(
                  options,
                  new WorkbookGateway(orderRows),
                  Submission.Progress.NONE,
                  // SubmittedAt in the exchange's time: the server's own zone means nothing to
                  // the trader who uploaded the workbook.
                  clock.withZone(Portfolio.MARKET_ZONE))
              .run(workbook);
      byte[] result = Files.readAllBytes(report.savedTo() == null ? workbook : report.savedTo());
      return Response.ok(
              result, name.toLowerCase().endsWith(".xls") ? "application/vnd.ms-excel" : XLSX)
          .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
          .header("Tradebridge-Summary", summary(report))
          .build();
    } catch (WorkbookRejected e) {
      throw TradebridgeException.validation("file", e.getMessage());
    } catch (io.tradebridge.excel.control.GatewayFailure e) {
      throw TradebridgeException.orderRejected(e.getMessage());
    } catch (IOException e) {
      LOG.log(Level.WARNING, "a workbook upload could not be stored: {0}", e.getMessage());
      throw new IllegalStateException("the workbook could not be stored on the server", e);
    } finally {
      deleteQuietly(folder);
    }
  }

  /**
   * Counts for the page that uploaded it: {@code sent=3; placed=2; held=0; rejected=1; invalid=0;
   * errors=0; handled=4}.
   */
  static String summary(Submission.Report r) {
    return "rows="
        + r.orderRows()
        + "; sent="
        + r.sent()
        + "; placed="
        + r.placed()
        + "; held="
        + r.held()
        + "; rejected="
        + r.rejected()
        + "; invalid="
        + r.invalid()
        + "; errors="
        + r.errors()
        + "; handled="
        + r.alreadyHandled();
  }

  /**
   * A name safe for a temporary file and a header: letters, digits, '.', '_', '-', ending
   * .xlsx/.xlsm/.xls.
   */
  static String fileName(String given) {
    String base = given.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
    if (base.startsWith(".")) {
      base = "orders" + base;
    }
    String lower = base.toLowerCase();
    if (!lower.endsWith(".xlsx") && !lower.endsWith(".xlsm") && !lower.endsWith(".xls")) {
      base = base + ".xlsx";
    }
    return base.length() > 100 ? base.substring(base.length() - 100) : base;
  }

  private static void copyBounded(InputStream in, java.nio.file.Path target) throws IOException {
    try (in;
        OutputStream out = Files.newOutputStream(target)) {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      int n;
      while ((n = in.read(buffer)) > 0) {
        total += n;
        if (total > MAX_BYTES) {
          throw tooLarge();
        }
        out.write(buffer, 0, n);
      }
    }
  }

  private static MalformedRequest tooLarge() {
    return new MalformedRequest(
        413, "the workbook is larger than 10 MiB; split it, or use the command-line bridge");
  }

  private static void deleteQuietly(java.nio.file.Path folder) {
    if (folder == null) {
      return;
    }
    try (var files = Files.walk(folder)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.log(Level.FINE, "could not remove an upload folder", e);
    }
  }
}
