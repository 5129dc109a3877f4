import { createContext, useContext } from "react";

// The server renders inline scripts with this response's CSP nonce; in the browser it is empty.
const NonceContext = createContext("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
