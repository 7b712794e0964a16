export { captchaFox } from "./captchafox";
export { cloudflareTurnstile } from "./cloudflare-turnstile";
export { googleRecaptcha } from "./google-recaptcha";
export { hCaptcha } from "./h-captcha";
