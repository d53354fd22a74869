package dev.mayday.collector.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a PEM certificate chain and its PEM private key (what Let's Encrypt and {@code openssl}
 * write) into an in-memory {@link KeyStore}, so HTTPS needs no keytool step. Keys may be PKCS#8
 * ({@code BEGIN PRIVATE KEY}: RSA, EC, Ed25519) or PKCS#1 ({@code BEGIN RSA PRIVATE KEY});
 * anything else is one clear line saying how to convert it.
 */
public final class PemKeyStore {

    public static final String ALIAS = "mayday";
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

    private PemKeyStore() {
    }

    /**
     * @param password the password the in-memory store protects the key with (any; it never leaves the process)
     * @throws IOException with a message naming the file and what is wrong
     */
    public static KeyStore load(Path certFile, Path keyFile, char[] password) throws IOException {
        List<Certificate> chain = certificates(certFile);
        PrivateKey key = privateKey(keyFile);
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(ALIAS, key, password, chain.toArray(new Certificate[0]));
            return ks;
        } catch (GeneralSecurityException e) {
            throw new IOException("--tls-key does not go with --tls-cert: " + e.getMessage(), e);
        }
    }

    private static List<Certificate> certificates(Path file) throws IOException {
        List<Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            for (Block b : blocks(file, "--tls-cert")) {
                if (b.type.equals("CERTIFICATE")) {
                    chain.add(cf.generateCertificate(new ByteArrayInputStream(b.der)));
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("--tls-cert " + file + ": not a valid certificate: " + e.getMessage(), e);
        }
        if (chain.isEmpty()) {
            throw new IOException("--tls-cert " + file + ": no -----BEGIN CERTIFICATE----- block");
        }
        return chain;
    }

    private static PrivateKey privateKey(Path file) throws IOException {
        for (Block b : blocks(file, "--tls-key")) {
            switch (b.type) {
                case "PRIVATE KEY" -> {
                    return pkcs8(file, b.der);
                }
                case "RSA PRIVATE KEY" -> {
                    return pkcs8(file, wrapRsa(b.der));
                }
                case "ENCRYPTED PRIVATE KEY" -> throw new IOException("--tls-key " + file
                        + ": the key is encrypted; decrypt it with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pem");
                default -> {
                    if (b.type.endsWith("PRIVATE KEY")) {
                        throw new IOException("--tls-key " + file + ": " + b.type + " is not read; convert it with:"
                                + " openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pem");
                    }
                }
            }
        }
        throw new IOException("--tls-key " + file + ": no -----BEGIN PRIVATE KEY----- block");
    }

    private static PrivateKey pkcs8(Path file, byte[] der) throws IOException {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException tryNext) {
                // the PEM does not say which algorithm: the first that accepts it is the one
            }
        }
        throw new IOException("--tls-key " + file + ": not an RSA, EC or Ed25519 private key");
    }

    /** A PKCS#1 RSAPrivateKey inside the PKCS#8 envelope: SEQUENCE { 0, rsaEncryption, OCTET STRING key }. */
    private static byte[] wrapRsa(byte[] pkcs1) {
        byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
        byte[] version = {0x02, 0x01, 0x00};
        byte[] octets = tlv(0x04, pkcs1);
        byte[] body = new byte[version.length + algorithm.length + octets.length];
        System.arraycopy(version, 0, body, 0, version.length);
        System.arraycopy(algorithm, 0, body, version.length, algorithm.length);
        System.arraycopy(octets, 0, body, version.length + algorithm.length, octets.length);
        return tlv(0x30, body);
    }

    private static byte[] tlv(int tag, byte[] value) {
        int n = value.length;
        byte[] length;
        if (n < 0x80) {
            length = new byte[] {(byte) n};
        } else if (n < 0x100) {
            length = new byte[] {(byte) 0x81, (byte) n};
        } else if (n < 0x10000) {
            length = new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n};
        } else {
            length = new byte[] {(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
        }
        byte[] out = new byte[1 + length.length + n];
        out[0] = (byte) tag;
        System.arraycopy(length, 0, out, 1, length.length);
        System.arraycopy(value, 0, out, 1 + length.length, n);
        return out;
    }

    private record Block(String type, byte[] der) {
    }

    private static List<Block> blocks(Path file, String flag) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IOException(flag + " " + file + ": cannot read: " + e.getMessage(), e);
        }
        List<Block> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            try {
                out.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2).replaceAll("(?m)^[A-Za-z-]+:.*$", ""))));
            } catch (IllegalArgumentException e) {
                throw new IOException(flag + " " + file + ": a " + m.group(1) + " block is not valid base64", e);
            }
        }
        if (out.isEmpty()) {
            throw new IOException(flag + " " + file + ": not a PEM file (no -----BEGIN ...----- block)");
        }
        return out;
    }
}
