package io.tradebridge.twofactor.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.samstevens.totp.code.HashingAlgorithm;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6238 appendix B: the published test vectors, 8 digits, for SHA-1, SHA-256 and SHA-512. */
class TotpAlgorithmTest {

  private static final String SHA1_SEED = base32("12345678901234567890");
  private static final String SHA256_SEED = base32("12345678901234567890123456789012");
  private static final String SHA512_SEED =
      base32("1234567890123456789012345678901234567890123456789012345678901234");

  /** The RFC's ASCII seeds as an authenticator app would hold them. */
  private static String base32(String ascii) {
    return new Base32().encodeAsString(ascii.getBytes(StandardCharsets.US_ASCII));
  }

  @ParameterizedTest(name = "T={0}")
  @CsvSource({
    "59,          94287082, 46119246, 90693936",
    "1111111109,  07081804, 68084774, 25091201",
    "1111111111,  14050471, 67062674, 99943326",
    "1234567890,  89005924, 91819424, 93441116",
    "2000000000,  69279037, 90698825, 38618901",
    "20000000000, 65353130, 77737706, 47863826"
  })
  void matchesTheRfc6238TestVectors(long unixTime, String sha1, String sha256, String sha512) {
    long step = TotpAlgorithm.stepOf(Instant.ofEpochSecond(unixTime));
    assertEquals(sha1, new TotpAlgorithm(HashingAlgorithm.SHA1, 8).codeAt(SHA1_SEED, step));
    assertEquals(sha256, new TotpAlgorithm(HashingAlgorithm.SHA256, 8).codeAt(SHA256_SEED, step));
    assertEquals(sha512, new TotpAlgorithm(HashingAlgorithm.SHA512, 8).codeAt(SHA512_SEED, step));
  }

  @ParameterizedTest
  @CsvSource({"59, 287082", "1111111109, 081804", "1234567890, 005924"})
  void sixDigitCodesAreTheLastSixDigitsWithLeadingZerosKept(long unixTime, String code) {
    assertEquals(
        code,
        new TotpAlgorithm()
            .codeAt(SHA1_SEED, TotpAlgorithm.stepOf(Instant.ofEpochSecond(unixTime))));
  }
}
