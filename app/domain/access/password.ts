import { z } from "zod";
import { COMMON_PASSWORDS } from "./commonPasswords";

export const MIN_PASSWORD_LENGTH = 10;

/** A new password: long enough, not too long for hashing, and not on the common-passwords list. */
export const NewPassword = z
  .string({ required_error: "Enter a password" })
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong password that is easy to remember.`)
  .max(200, "Use at most 200 characters")
  .refine((value) => !COMMON_PASSWORDS.has(value.toLowerCase()), "That password is one of the most common ones, so it is easy to guess. Choose another.");

export const Email = z
  .string({ required_error: "Enter your email address" })
  .trim()
  .toLowerCase()
  .email("Enter an email address like name@council.gov.uk")
  .max(254, "That email address is too long");
