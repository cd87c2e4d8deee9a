/**
 * The encryption parameters a sync file's header carries. Its own module because both the file format
 * (which reads and writes the header) and the cipher (which makes and checks the parameters) need it,
 * and neither should import the other for it.
 */
export interface EncryptionHeader {
  kdf: 'PBKDF2-SHA256';
  iterations: number;
  /** base64, 16 random bytes. */
  salt: string;
  cipher: 'AES-256-GCM';
  /** base64, 12 random bytes. */
  iv: string;
}
